import { SEGMENT_GROUP_METADATA_KEY } from "../../../types/audience/module"

/**
 * How native customers and orders become contacts and purchase facts: pure mappings, so that the
 * subscribers, the backfill and the tests share one definition.
 */

export interface CustomerSource {
  id: string
  email?: string | null
  phone?: string | null
  first_name?: string | null
  last_name?: string | null
  has_account?: boolean | null
  groups?: { name?: string | null; metadata?: Record<string, unknown> | null }[] | null
  addresses?: { country_code?: string | null; is_default_billing?: boolean | null }[] | null
}

export interface ContactFields {
  customer_id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  customer_groups: string[]
  country_code: string | null
}

const clean = (value?: string | null) => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

export const normaliseEmail = (email?: string | null) => clean(email)?.toLowerCase() ?? null

export function contactFromCustomer(customer: CustomerSource): ContactFields {
  const addresses = customer.addresses ?? []
  const address = addresses.find((a) => a.is_default_billing) ?? addresses[0]
  // A synced segment's own group is left out: in_segment() says the same without a feedback loop.
  const groups = (customer.groups ?? []).filter((g) => !g.metadata?.[SEGMENT_GROUP_METADATA_KEY])
  return {
    customer_id: customer.id,
    email: normaliseEmail(customer.email),
    phone: clean(customer.phone),
    first_name: clean(customer.first_name),
    last_name: clean(customer.last_name),
    has_account: Boolean(customer.has_account),
    customer_groups: [...new Set(groups.map((g) => clean(g.name)?.toLowerCase()).filter(Boolean) as string[])].sort(),
    country_code: clean(address?.country_code)?.toLowerCase() ?? null,
  }
}

type Named = { id: string; handle?: string | null; name?: string | null; title?: string | null }

export interface OrderSource {
  id: string
  status?: string | null
  canceled_at?: string | Date | null
  email?: string | null
  customer_id?: string | null
  currency_code: string
  created_at: string | Date
  items?:
    | {
        id: string
        quantity: unknown
        total?: unknown
        product_id?: string | null
        detail?: { return_received_quantity?: unknown } | null
        product?: { id: string; handle?: string | null; title?: string | null; categories?: Named[] | null; collection?: Named | null } | null
      }[]
    | null
}

export interface PurchaseFields {
  order_id: string
  line_item_id: string
  product_id: string | null
  product_keys: string[]
  category_keys: string[]
  collection_keys: string[]
  quantity: number
  amount: number
  currency_code: string
  purchased_at: Date
}

/** The id, handle and lower-cased name a product, category or collection can be named by. */
const keysOf = (item?: Named | null) =>
  item ? [item.id, item.handle, item.name ?? item.title].filter(Boolean).map((k) => String(k).trim().toLowerCase()) : []

const unique = (keys: string[]) => [...new Set(keys)]

/** Quantities and totals arrive as numbers, numeric strings, or Medusa's BigNumber ({ numeric, raw }). */
const toNumber = (value: unknown): number => {
  if (value && typeof value === "object") {
    const big = value as { numeric?: unknown; toJSON?: () => unknown }
    return toNumber(big.numeric ?? big.toJSON?.())
  }
  const number = Number(value ?? 0)
  return Number.isFinite(number) ? number : 0
}

/** An order's lines as purchases, net of returned quantities; a cancelled order bought nothing. */
export function purchasesFromOrder(order: OrderSource): PurchaseFields[] {
  if (order.status === "canceled" || order.canceled_at) return []
  return (order.items ?? []).flatMap((item) => {
    const ordered = toNumber(item.quantity)
    const quantity = ordered - toNumber(item.detail?.return_received_quantity)
    if (quantity <= 0) return []
    const total = toNumber(item.total)
    const product = item.product
    return [
      {
        order_id: order.id,
        line_item_id: item.id,
        product_id: item.product_id ?? product?.id ?? null,
        product_keys: unique(keysOf(product)),
        category_keys: unique((product?.categories ?? []).flatMap(keysOf)),
        collection_keys: unique(keysOf(product?.collection)),
        quantity,
        amount: Math.round((total * quantity * 10_000) / ordered) / 10_000,
        currency_code: order.currency_code.toLowerCase(),
        purchased_at: new Date(order.created_at),
      },
    ]
  })
}
