import { contactFromCustomer, purchasesFromOrder } from "../commerce-facts"

describe("contacts from customers", () => {
  it("normalises what segments compare", () => {
    expect(
      contactFromCustomer({
        id: "cus_1",
        email: "  Ada@Example.COM ",
        phone: " +4915112345678 ",
        first_name: "Ada",
        last_name: " ",
        has_account: true,
        groups: [{ name: "VIP" }, { name: "Staff" }, { name: "vip" }],
        addresses: [
          { country_code: "FR", is_default_billing: false },
          { country_code: "DE", is_default_billing: true },
        ],
      })
    ).toEqual({
      customer_id: "cus_1",
      email: "ada@example.com",
      phone: "+4915112345678",
      first_name: "Ada",
      last_name: null,
      has_account: true,
      customer_groups: ["staff", "vip"],
      country_code: "de",
    })
  })

  it("leaves out the customer groups that mirror synced segments", () => {
    expect(
      contactFromCustomer({
        id: "cus_3",
        groups: [
          { name: "Wholesale", metadata: { note: "manual" } },
          { name: "VIP customers", metadata: { marketing_segment_id: "mseg_1" } },
        ],
      }).customer_groups
    ).toEqual(["wholesale"])
  })

  it("copes with a guest that has only an email", () => {
    expect(contactFromCustomer({ id: "cus_2", email: "g@x.io" })).toMatchObject({
      has_account: false,
      customer_groups: [],
      country_code: null,
      phone: null,
    })
  })
})

describe("purchases from orders", () => {
  const order = {
    id: "order_1",
    currency_code: "EUR",
    created_at: "2026-05-01T10:00:00Z",
    items: [
      {
        id: "item_1",
        quantity: 2,
        total: 90,
        product_id: "prod_1",
        product: {
          id: "prod_1",
          handle: "trail-runner",
          title: "Trail Runner",
          categories: [
            { id: "pcat_1", handle: "shoes", name: "Shoes" },
            { id: "pcat_2", handle: "running", name: "Running" },
          ],
          collection: { id: "pcol_1", handle: "summer", title: "Summer 26" },
        },
      },
      { id: "item_2", quantity: 1, total: "10.5", product_id: null, product: null },
    ],
  }

  it("keys each line by product, categories and collection", () => {
    expect(purchasesFromOrder(order)).toEqual([
      {
        order_id: "order_1",
        line_item_id: "item_1",
        product_id: "prod_1",
        product_keys: ["prod_1", "trail-runner", "trail runner"],
        category_keys: ["pcat_1", "shoes", "pcat_2", "running"],
        collection_keys: ["pcol_1", "summer", "summer 26"],
        quantity: 2,
        amount: 90,
        currency_code: "eur",
        purchased_at: new Date("2026-05-01T10:00:00Z"),
      },
      expect.objectContaining({ line_item_id: "item_2", product_keys: [], amount: 10.5 }),
    ])
  })

  it("takes returned quantities off, pro rata", () => {
    const returned = { ...order, items: [{ ...order.items[0], detail: { return_received_quantity: 1 } }] }
    expect(purchasesFromOrder(returned)).toEqual([expect.objectContaining({ quantity: 1, amount: 45 })])
    const allBack = { ...order, items: [{ ...order.items[0], detail: { return_received_quantity: 2 } }] }
    expect(purchasesFromOrder(allBack)).toEqual([])
  })

  it("rounds shares of a total to four decimals", () => {
    const thirds = { ...order, items: [{ ...order.items[0], quantity: 3, total: 10, detail: { return_received_quantity: 1 } }] }
    expect(purchasesFromOrder(thirds)[0].amount).toBe(6.6667)
  })

  it("counts nothing for a cancelled order", () => {
    expect(purchasesFromOrder({ ...order, status: "canceled" })).toEqual([])
    expect(purchasesFromOrder({ ...order, canceled_at: "2026-05-02T00:00:00Z" })).toEqual([])
  })
})

describe("order totals", () => {
  it("reads Medusa's BigNumber totals", () => {
    const order = {
      id: "o",
      currency_code: "eur",
      created_at: "2026-01-01T00:00:00Z",
      items: [{ id: "i", quantity: 1, total: { numeric: 12.5, raw: { value: "12.5", precision: 20 } } }],
    }
    expect(purchasesFromOrder(order)[0].amount).toBe(12.5)
  })
})
