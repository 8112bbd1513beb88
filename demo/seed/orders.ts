// 10,000 orders over the past 12 months with the long tail real stores have: most customers order
// once to three times, a loyal few dozens of times, some never; baskets and prices are skewed too.
//
// The orders go straight to the order module in batches: createOrderWorkflow prices, validates and
// taxes one order per run, which takes far too long for a first demo start. Every order still
// references a real customer, variant, region, sales channel and shipping option.
import { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { SellableVariant } from "./catalog"
import { DemoCustomer } from "./customers"
import { backdate } from "./backdate"
import { chance, dateBetween, faker, pareto, weightedPicker } from "./random"
import { CURRENCY, DemoStore, SHIPPING_PRICE, STANDARD_SHIPPING } from "./store"

const ORDERS = 10_000
const BATCH = 1_000
const HISTORY_DAYS = 365
/** Share of customers who signed up but never bought: the audience of a first-purchase campaign. */
const NEVER_ORDERED = 0.15
/** How unequal loyalty is: lower alpha, fatter tail; the cap keeps the top customer at a few dozen orders. */
const LOYALTY = { alpha: 0.9, cap: 60 }
/** Orders older than this have been delivered; newer ones are still open. */
const OPEN_FOR_DAYS = 14

type PlannedOrder = { customer: DemoCustomer; placedAt: Date }

/**
 * Every buyer orders at least once; the other orders go to buyers in proportion to their loyalty
 * and to how long they have been customers, so a store that keeps signing people up grows.
 */
function planOrders(customers: DemoCustomer[], now: Date): PlannedOrder[] {
  const historyStart = new Date(now.getTime() - HISTORY_DAYS * 86_400_000)
  const buyers = customers
    .filter(() => !chance(NEVER_ORDERED))
    .map((customer) => {
      const since = customer.signedUpAt > historyStart ? customer.signedUpAt : historyStart
      const tenure = (now.getTime() - since.getTime()) / (now.getTime() - historyStart.getTime())
      return { customer, since, weight: pareto(LOYALTY.alpha, LOYALTY.cap) * tenure }
    })
  const pickBuyer = weightedPicker(buyers, (buyer) => buyer.weight)
  return [...buyers, ...Array.from({ length: ORDERS - buyers.length }, pickBuyer)]
    .map(({ customer, since }) => ({ customer, placedAt: dateBetween(since, now) }))
    .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime()) // display ids then follow time
}

/** Mostly one or two items, now and then six; bestsellers turn up far more often. */
function pickBasket(pickVariant: () => SellableVariant): SellableVariant[] {
  const basket = new Map<string, SellableVariant>()
  const size = faker.helpers.weightedArrayElement([
    { value: 1, weight: 55 },
    { value: 2, weight: 25 },
    { value: 3, weight: 12 },
    { value: 4, weight: 5 },
    { value: 6, weight: 3 },
  ])
  while (basket.size < size) {
    const variant = pickVariant()
    basket.set(variant.variantId, variant)
  }
  return [...basket.values()]
}

function makeOrder(planned: PlannedOrder, basket: SellableVariant[], store: DemoStore, now: Date): CreateOrderDTO {
  const { customer, placedAt } = planned
  const isOpen = now.getTime() - placedAt.getTime() < OPEN_FOR_DAYS * 86_400_000
  return {
    region_id: store.regionId,
    sales_channel_id: store.salesChannelId,
    customer_id: customer.id,
    email: customer.email,
    currency_code: CURRENCY,
    status: isOpen ? "pending" : "completed",
    no_notification: true,
    shipping_address: customer.address,
    billing_address: customer.address,
    items: basket.map((variant) => ({
      title: variant.productTitle,
      subtitle: variant.variantTitle,
      product_id: variant.productId,
      product_title: variant.productTitle,
      variant_id: variant.variantId,
      variant_title: variant.variantTitle,
      variant_sku: variant.sku,
      quantity: faker.helpers.weightedArrayElement([
        { value: 1, weight: 85 },
        { value: 2, weight: 12 },
        { value: 3, weight: 3 },
      ]),
      unit_price: variant.unitPrice,
      requires_shipping: true,
    })),
    shipping_methods: [{ name: STANDARD_SHIPPING, shipping_option_id: store.shippingOptionId, amount: SHIPPING_PRICE }],
  }
}

export async function seedOrders(
  container: MedusaContainer,
  { store, variants, customers }: { store: DemoStore; variants: SellableVariant[]; customers: DemoCustomer[] }
): Promise<number> {
  const orderModule = container.resolve(Modules.ORDER)
  const now = new Date()
  const pickVariant = weightedPicker(variants, (variant) => variant.popularity)
  const planned = planOrders(customers, now)

  const placed: { id: string; created_at: Date }[] = []
  for (let start = 0; start < planned.length; start += BATCH) {
    const batch = planned.slice(start, start + BATCH)
    const created = await orderModule.createOrders(batch.map((order) => makeOrder(order, pickBasket(pickVariant), store, now)))
    // The module returns the orders in no particular order, but numbers them in the order given.
    created.sort((a, b) => a.display_id - b.display_id)
    created.forEach((order, i) => {
      if (order.customer_id !== batch[i].customer.id) throw new Error(`Order ${order.display_id} is not the one planned`)
      placed.push({ id: order.id, created_at: batch[i].placedAt })
    })
  }
  await backdate(container, "order", placed)
  return placed.length
}
