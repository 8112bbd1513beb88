import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { backfillAudience } from "../../src/lib/backfill-audience"
import AudienceModuleService from "../../src/modules/audience/service"
import { MarketingModule } from "../../src/types/modules"
import { recordOrdersWorkflow } from "../../src/workflows/audience/workflows/record-orders"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { eventually } from "../helpers/eventually"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let audience: AudienceModuleService
    let product: { id: string; variants: { id: string }[] }
    let regionId: string

    const contactOf = async (customerId: string) => (await audience.listContacts({ customer_id: customerId }))[0]
    const count = async (dsl: string) => (await api.post("/admin/marketing/segments/preview", { dsl }, admin.headers)).data.count

    async function placeOrder(customer: { id: string; email: string }, quantity: number, unitPrice: number, currency = "eur") {
      const orderModule = getContainer().resolve(Modules.ORDER)
      const [order] = await orderModule.createOrders([
        {
          region_id: regionId,
          customer_id: customer.id,
          email: customer.email,
          currency_code: currency,
          items: [
            { title: "Trail Runner", product_id: product.id, variant_id: product.variants[0].id, quantity, unit_price: unitPrice },
          ],
        },
      ])
      return order
    }

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminSession(api, container)
      audience = container.resolve(MarketingModule.AUDIENCE)
      const { result: [region] } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "EU", currency_code: "eur" }] } })
      regionId = region.id
      const { result: [category] } = await createProductCategoriesWorkflow(container).run({
        input: { product_categories: [{ name: "Shoes", handle: "shoes", is_active: true }] },
      })
      const { result: [collection] } = await createCollectionsWorkflow(container).run({
        input: { collections: [{ title: "Summer 26", handle: "summer" }] },
      })
      const { result: [created] } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Trail Runner",
              handle: "trail-runner",
              category_ids: [category.id],
              collection_id: collection.id,
              options: [{ title: "Size", values: ["42"] }],
              variants: [{ title: "42", options: { Size: "42" }, prices: [{ amount: 45, currency_code: "eur" }] }],
            },
          ],
        },
      })
      product = created as any
    })

    it("keeps a contact for every customer, from the customer events", async () => {
      const { data } = await api.post(
        "/admin/customers",
        { email: "Ada@Example.com", first_name: "Ada", last_name: "Lovelace" },
        admin.headers
      )
      const contact = await eventually(() => contactOf(data.customer.id), Boolean)
      expect(contact).toMatchObject({ email: "ada@example.com", first_name: "Ada", source: "customer", orders_count: 0 })

      await api.post(`/admin/customers/${data.customer.id}`, { first_name: "Augusta" }, admin.headers)
      const renamed = await eventually(() => contactOf(data.customer.id), (c) => c?.first_name === "Augusta")
      expect(renamed).toMatchObject({ id: contact.id, first_name: "Augusta" })
    })

    it("adopts an imported contact with the same email instead of duplicating it", async () => {
      const imported = await audience.createContacts({ email: "grace@example.com", source: "import" })
      const { data } = await api.post("/admin/customers", { email: "grace@example.com" }, admin.headers)
      const contact = await eventually(() => contactOf(data.customer.id), Boolean)
      expect(contact.id).toBe(imported.id)
      expect(await audience.listContacts({ email: "grace@example.com" })).toHaveLength(1)
    })

    it("records orders as purchases and aggregates, and forgets cancelled ones", async () => {
      const { data } = await api.post("/admin/customers", { email: "buyer@example.com" }, admin.headers)
      const customer = data.customer
      const first = await placeOrder(customer, 2, 45)
      const second = await placeOrder(customer, 1, 30)
      await placeOrder(customer, 1, 99, "usd")
      const orders = await getContainer().resolve(Modules.ORDER).listOrders({ customer_id: customer.id }, { select: ["id"] })
      await recordOrdersWorkflow(getContainer()).run({ input: { order_ids: orders.map((o: { id: string }) => o.id) } })

      const contact = await contactOf(customer.id)
      expect(contact).toMatchObject({ orders_count: 3, total_spent: 120 })
      expect(contact.first_order_at).not.toBeNull()
      const purchases = await audience.listPurchases({ contact_id: contact.id, order_id: first.id })
      expect(purchases).toEqual([
        expect.objectContaining({
          quantity: 2,
          amount: 90,
          currency_code: "eur",
          product_keys: expect.arrayContaining([product.id.toLowerCase(), "trail-runner", "trail runner"]),
          category_keys: expect.arrayContaining(["shoes"]),
          collection_keys: expect.arrayContaining(["summer", "summer 26"]),
        }),
      ])
      expect(await count("purchased(category = 'shoes', within 30d) AND purchased(collection = 'Summer 26')")).toBe(1)
      expect(await count("total_spent = 120 AND orders_count = 3")).toBe(1)

      // Recording the same orders again changes nothing.
      await recordOrdersWorkflow(getContainer()).run({ input: { order_ids: [first.id, second.id] } })
      expect(await contactOf(customer.id)).toMatchObject({ orders_count: 3, total_spent: 120 })

      await getContainer().resolve(Modules.ORDER).cancel(first.id)
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.canceled", data: { id: first.id } })
      const after = await eventually(() => contactOf(customer.id), (c) => c.orders_count === 2)
      expect(after).toMatchObject({ orders_count: 2, total_spent: 30 })

      // Work done by subscribers is on the audit log too, as the system's.
      const { data: audit } = await api.get(`/admin/marketing/audit-entries?resource_id=${after.id}&order=created_at`, admin.headers)
      expect(audit.audit_entries.map((e: any) => [e.actor_type, e.action])).toEqual(
        expect.arrayContaining([
          ["system", "create"],
          ["system", "orders.recorded"],
        ])
      )
      // Recording an order that changes nothing about the contact (the same orders again, a customer
      // synced unchanged) leaves no entry: every entry says what changed.
      expect(audit.audit_entries.filter((e: any) => e.changes === null && e.action !== "create")).toEqual([])
      // The last recording of orders (entries of one change can share a millisecond, so not the last entry).
      const cancelled = audit.audit_entries.filter((e: any) => e.action === "orders.recorded").pop()
      expect(cancelled.changes).toMatchObject({ orders_count: { from: 3, to: 2 }, total_spent: { from: 120, to: 30 } })
    })

    it("records a placed order from the order.placed event", async () => {
      const { data } = await api.post("/admin/customers", { email: "evented@example.com" }, admin.headers)
      const order = await placeOrder(data.customer, 1, 45)
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      const contact = await eventually(() => contactOf(data.customer.id), (c) => c?.orders_count === 1)
      expect(contact).toMatchObject({ orders_count: 1, total_spent: 45 })
    })

    it("backfills existing customers and orders", async () => {
      const customerModule = getContainer().resolve(Modules.CUSTOMER)
      // Created behind the subscribers' back, as before the plugin was installed.
      const customers = await customerModule.createCustomers([
        { email: "old1@example.com", first_name: "Old" },
        { email: "old2@example.com" },
      ])
      await placeOrder(customers[0], 3, 10)
      expect(await audience.listContacts({ customer_id: customers.map((c: { id: string }) => c.id) })).toHaveLength(0)

      await backfillAudience(getContainer())
      await backfillAudience(getContainer())

      const contacts = await audience.listContacts({ customer_id: customers.map((c: { id: string }) => c.id) })
      expect(contacts).toHaveLength(2)
      expect(contacts.find((c: any) => c.email === "old1@example.com")).toMatchObject({ orders_count: 1, total_spent: 30 })
    })
  },
})
