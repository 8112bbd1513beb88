/**
 * `medusa exec ./bench/checkout/seed.ts`, run once by bench/checkout.ts before the host starts: the
 * demo's selling setup (demo/seed/store.ts: region, shipping, publishable key), four identical
 * products (two for each kind of cart, so that each side's promotions target its own products and
 * neither side's discounts reach the other's carts), and an admin user the benchmark logs in as.
 * Answers with one `@@bench {"event":"seeded",...}` line.
 */
import { ExecArgs } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { CURRENCY, seedStore } from "../../demo/seed/store"

const PREFIX = "@@bench "
const say = (message: Record<string, unknown>) => process.stdout.write(`\n${PREFIX}${JSON.stringify(message)}\n`)

export const ADMIN_EMAIL = "bench-admin@marketing.test"
export const ADMIN_PASSWORD = "bench-admin-password-1"
export const PRICE = 40
/** Per side: the product a cart starts with, and the one added to it. */
export const PRODUCTS = { native: ["Native Tee", "Native Cap"], marketing: ["Marketing Tee", "Marketing Cap"] } as const

export default async function seed({ container }: ExecArgs) {
  try {
    const store = await seedStore(container)
    const [shippingProfile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
    const titles = [...PRODUCTS.native, ...PRODUCTS.marketing]
    const { result: created } = await createProductsWorkflow(container).run({
      input: {
        products: titles.map((title) => ({
          title,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          sales_channels: [{ id: store.salesChannelId }],
          options: [{ title: "Size", values: ["One size"] }],
          variants: [
            {
              title: "One size",
              sku: title.toUpperCase().replace(/\W+/g, "-"),
              manage_inventory: false,
              options: { Size: "One size" },
              prices: [{ currency_code: CURRENCY, amount: PRICE }],
            },
          ],
        })),
      },
    })
    const product = (title: string) => {
      const found = created.find((p) => p.title === title)!
      return { productId: found.id, variantId: found.variants[0].id }
    }

    const auth = container.resolve(Modules.AUTH)
    const { authIdentity, error } = await auth.register("emailpass", { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } } as any)
    if (error || !authIdentity) throw new Error(`admin registration: ${error}`)
    await createUserAccountWorkflow(container).run({
      input: { authIdentityId: authIdentity.id, userData: { email: ADMIN_EMAIL, first_name: "Bench", last_name: "Admin" } },
    })

    say({
      event: "seeded",
      store,
      currency: CURRENCY,
      products: {
        native: PRODUCTS.native.map(product),
        marketing: PRODUCTS.marketing.map(product),
      },
      admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    })
  } catch (error) {
    say({ event: "error", message: String((error as Error)?.stack ?? error) })
    throw error
  }
}
