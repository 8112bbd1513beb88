import { formatMoney } from "../format"

describe("formatMoney", () => {
  it("shows an amount as Medusa's pages do: symbol, amount in the currency's decimals, code", () => {
    expect(formatMoney(1169.8, "eur")).toBe("€ 1,169.80 EUR")
    expect(formatMoney(32.99, "USD")).toBe("$ 32.99 USD")
    expect(formatMoney(0, "eur")).toBe("€ 0.00 EUR")
    // The yen has no cents, the dinar three decimals.
    expect(formatMoney(1170, "jpy")).toBe("¥ 1,170 JPY")
    expect(formatMoney(2.5, "kwd")).toMatch(/^\S+ 2\.500 KWD$/)
  })
})
