import { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { AxiosInstance } from "axios"
import { CURRENCY, DemoStore, seedStore } from "../../demo/seed/store"

export { CURRENCY }

export type Storefront = DemoStore & {
  /** Three products: a 40.00 shirt (Apparel, Summer Edit), a 25.00 mug (Homeware) and a 100.00 boot (Footwear). */
  products: Record<"shirt" | "mug" | "boot", { productId: string; variantId: string; price: number }>
  categories: Record<"apparel" | "homeware" | "footwear", string>
  collectionId: string
}

/** The demo's selling setup (region, shipping, publishable key) and a small catalog with known prices. */
export async function setUpStorefront(container: MedusaContainer): Promise<Storefront> {
  await ensureBootDefaults(container)
  const store = await seedStore(container)
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: ["Apparel", "Homeware", "Footwear"].map((name) => ({ name, is_active: true })),
    },
  })
  const categoryId = (name: string) => categories.find((c) => c.name === name)!.id
  const { result: [collection] } = await createCollectionsWorkflow(container).run({
    input: { collections: [{ title: "Summer Edit" }] },
  })
  const [shippingProfile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const product = (title: string, price: number, category: string, collection_id?: string) => ({
    title,
    status: ProductStatus.PUBLISHED,
    shipping_profile_id: shippingProfile.id,
    category_ids: [categoryId(category)],
    collection_id,
    sales_channels: [{ id: store.salesChannelId }],
    options: [{ title: "Size", values: ["One size"] }],
    variants: [
      {
        title: "One size",
        sku: title.toUpperCase().replace(/\W+/g, "-"),
        manage_inventory: false,
        options: { Size: "One size" },
        prices: [{ currency_code: CURRENCY, amount: price }],
      },
    ],
  })
  const { result: created } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Linen Shirt", 40, "Apparel", collection.id),
        product("Stoneware Mug", 25, "Homeware"),
        product("Trail Boot", 100, "Footwear"),
      ],
    },
  })
  const entry = (index: number, price: number) => ({
    productId: created[index].id,
    variantId: created[index].variants[0].id,
    price,
  })
  return {
    ...store,
    products: { shirt: entry(0, 40), mug: entry(1, 25), boot: entry(2, 100) },
    categories: { apparel: categoryId("Apparel"), homeware: categoryId("Homeware"), footwear: categoryId("Footwear") },
    collectionId: collection.id,
  }
}

/**
 * What Medusa creates when it boots (a store, the default sales channel and shipping profile): the
 * test runner empties the database between tests, after boot.
 */
async function ensureBootDefaults(container: MedusaContainer) {
  const stores = container.resolve(Modules.STORE)
  if (!(await stores.listStores()).length) {
    await stores.createStores({ name: "Test store" })
  }
  const channels = container.resolve(Modules.SALES_CHANNEL)
  if (!(await channels.listSalesChannels({ name: "Default Sales Channel" })).length) {
    await channels.createSalesChannels({ name: "Default Sales Channel" })
  }
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  if (!(await fulfillment.listShippingProfiles({ type: "default" })).length) {
    await fulfillment.createShippingProfiles({ name: "Default Shipping Profile", type: "default" })
  }
}

type Headers = Record<string, string>

/** A shopper driving the store API as a storefront does: guest, or logged in with `login`. */
export class Shopper {
  private authorization: string | null = null
  customerId: string | null = null

  constructor(
    private readonly api: AxiosInstance,
    private readonly store: Storefront,
    readonly email: string
  ) {}

  get headers(): { headers: Headers } {
    return {
      headers: {
        "x-publishable-api-key": this.store.publishableKey,
        ...(this.authorization ? { authorization: this.authorization } : {}),
      },
    }
  }

  /** Registers the email as a customer account and logs in. */
  async signUp(password = "shopper-password-1") {
    const { data: registered } = await this.api.post("/auth/customer/emailpass/register", { email: this.email, password })
    this.authorization = `Bearer ${registered.token}`
    const { data } = await this.api.post("/store/customers", { email: this.email, first_name: "Sam" }, this.headers)
    this.customerId = data.customer.id
    const { data: login } = await this.api.post("/auth/customer/emailpass", { email: this.email, password })
    this.authorization = `Bearer ${login.token}`
    return this
  }

  /** A new cart with these items; `promoCodes` applies codes as the cart is created. */
  async createCart(items: { variantId: string; quantity: number }[], promoCodes?: string[]) {
    const { data } = await this.api.post(
      "/store/carts",
      {
        region_id: this.store.regionId,
        email: this.email,
        items: items.map((i) => ({ variant_id: i.variantId, quantity: i.quantity })),
        ...(promoCodes ? { promo_codes: promoCodes } : {}),
        shipping_address: { first_name: "Sam", last_name: "Shopper", address_1: "Hauptstr. 1", city: "Berlin", country_code: "de", postal_code: "10115" },
      },
      this.headers
    )
    return data.cart as StoreCart
  }

  async cart(cartId: string) {
    const { data } = await this.api.get(`/store/carts/${cartId}?fields=*promotions,*items,*items.adjustments,+discount_total`, this.headers)
    return data.cart as StoreCart
  }

  async applyCodes(cartId: string, codes: string[]) {
    const { data } = await this.api.post(`/store/carts/${cartId}/promotions`, { promo_codes: codes }, this.headers)
    return data.cart as StoreCart
  }

  /** A cart update that sets the cart's codes (`POST /store/carts/:id` with `promo_codes`). */
  async setCodes(cartId: string, codes: string[]) {
    const { data } = await this.api.post(`/store/carts/${cartId}`, { promo_codes: codes }, this.headers)
    return data.cart as StoreCart
  }

  async addItem(cartId: string, variantId: string, quantity: number) {
    const { data } = await this.api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity }, this.headers)
    return data.cart as StoreCart
  }

  async removeCodes(cartId: string, codes: string[]) {
    const { data } = await this.api.delete(`/store/carts/${cartId}/promotions`, { ...this.headers, data: { promo_codes: codes } })
    return data.cart as StoreCart
  }

  async addShipping(cartId: string) {
    await this.api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: this.store.shippingOptionId }, this.headers)
  }

  /** Shipping, a payment session with the system provider, then completion: the order. */
  async checkOut(cartId: string) {
    await this.addShipping(cartId)
    const { data: collection } = await this.api.post("/store/payment-collections", { cart_id: cartId }, this.headers)
    await this.api.post(
      `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      this.headers
    )
    const { data } = await this.api.post(`/store/carts/${cartId}/complete`, {}, this.headers)
    if (data.type !== "order") {
      throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(data.error ?? data)}`)
    }
    return data.order as { id: string; total: number; discount_total: number; items: any[] }
  }
}

export type StoreCart = {
  id: string
  total: number
  subtotal: number
  discount_total: number
  item_subtotal: number
  promotions: { id: string; code: string }[]
  items: { id: string; variant_id: string; adjustments?: { amount: number; code: string; promotion_id: string }[] }[]
}
