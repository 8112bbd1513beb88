import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import AudienceModuleService from "../../modules/audience/service"
import { CustomerOrderHistory } from "../../modules/promotion/lib/engine"
import { MarketingModule } from "../../types/modules"

/**
 * Customers whose orders a preview reads: a larger segment is estimated from this many and scaled up.
 * Reading an order costs about a millisecond (Medusa's order module builds it with its items), so this
 * bounds the preview's time; a random thousand puts a share of redeeming customers within ±3 points.
 */
export const PREVIEW_SAMPLE = 1_000

const ORDER_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "created_at",
  "items.id",
  // An order line's quantity lives on its order item (`detail`), which tracks fulfilment too.
  "items.detail.quantity",
  "items.unit_price",
  "items.product_id",
  "shipping_methods.id",
  "shipping_methods.amount",
]

/**
 * A segment's customers (a random sample of PREVIEW_SAMPLE when larger) and their orders of the last
 * `days`, earliest first, as the engine's cost preview reads them.
 */
export async function segmentOrderHistory(container: MedusaContainer, segmentId: string, days: number) {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const [segment] = await audience.listSegments({ id: segmentId })
  if (!segment) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `segment_id: no segment with id '${segmentId}'`)
  }
  const members = await audience.customersMatchingSegment(await audience.compileSegmentMembership(segment), null)
  const customerIds = members.filter((m) => m.matches).map((m) => m.customer_id)
  const sample = customerIds.length > PREVIEW_SAMPLE ? shuffled(customerIds).slice(0, PREVIEW_SAMPLE) : customerIds
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(Date.now() - days * 86_400_000)
  if (!sample.length) return { history: [], segment_size: customerIds.length, sampled: 0 }
  const [{ data: orders }, { data: customers }] = await Promise.all([
    query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: { customer_id: sample, created_at: { $gte: since }, status: { $ne: "canceled" } } as any,
    }),
    query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: sample } }),
  ])
  // A store's orders share a few products: read each once, not once per line through the order's link.
  const productIds = [...new Set(orders.flatMap((order: any) => (order.items ?? []).map((item: any) => item?.product_id)).filter(Boolean))]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "collection_id", "categories.id"], filters: { id: productIds } })
    : { data: [] as any[] }
  const productOf = new Map(products.map((product: any) => [product.id, product]))
  const groupsOf = new Map(customers.map((c: any) => [c.id, (c.groups ?? []).filter(Boolean).map((g: any) => g.id)]))
  const byCustomer = new Map<string, CustomerOrderHistory>(sample.map((id) => [id, { customer_id: id, orders: [] }]))
  for (const order of [...orders].sort((a: any, b: any) => +new Date(a.created_at) - +new Date(b.created_at))) {
    byCustomer.get(order.customer_id)?.orders.push({
      currency_code: order.currency_code,
      customer_id: order.customer_id,
      customer_group_ids: groupsOf.get(order.customer_id) ?? [],
      segment_ids: [segmentId],
      items: (order.items ?? []).filter(Boolean).map((item: any) => ({
        id: item.id,
        product_id: item.product_id ?? null,
        category_ids: (productOf.get(item.product_id)?.categories ?? []).filter(Boolean).map((c: any) => c.id),
        collection_id: productOf.get(item.product_id)?.collection_id ?? null,
        quantity: Number(item.detail.quantity),
        unit_price: Number(item.unit_price),
      })),
      shipping_methods: (order.shipping_methods ?? []).filter(Boolean).map((m: any) => ({ id: m.id, amount: Number(m.amount) })),
    })
  }
  return { history: [...byCustomer.values()], segment_size: customerIds.length, sampled: sample.length }
}

function shuffled<T>(values: T[]): T[] {
  const copy = [...values]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}
