import { countFigure, moneyFigure, rateFigure } from "../figures"

describe("report figures", () => {
  it("prints minor units in the currency's own digits, with its code", () => {
    expect(moneyFigure(123450, "eur")).toBe("EUR 1,234.50")
    expect(moneyFigure(1234, "JPY")).toBe("JPY 1,234")
    expect(moneyFigure(1234567, "kwd")).toBe("KWD 1,234.567")
    expect(moneyFigure(-400, "usd")).toBe("USD -4.00")
    expect(moneyFigure(null, "usd")).toBe("—")
  })

  it("prints counts with separators and rates as percentages, a dash where there is no figure", () => {
    expect(countFigure(1234567)).toBe("1,234,567")
    expect(countFigure(null)).toBe("—")
    expect(rateFigure(0.1234)).toBe("12.3%")
    expect(rateFigure(1)).toBe("100.0%")
    expect(rateFigure(null)).toBe("—")
  })
})
