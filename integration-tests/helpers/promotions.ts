import { CreateOrderLineItemDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules, OrderStatus, PromotionActions } from "@medusajs/framework/utils"
import {
  addDraftOrderPromotionWorkflow,
  createOrderWorkflow,
  CreateOrderWorkflowInput,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { AxiosInstance } from "axios"
import PromotionModuleService from "../../src/modules/promotion/service"
import { AdminSession, createAdminSession } from "./admin"
import { setUpStorefront, Shopper, Storefront } from "./storefront"

export const PROMOTIONS = "/admin/marketing/promotions"

/** Creates a marketing promotion through the admin API ("Spring offer" unless `body` names it). */
export const createPromotion = async (api: AxiosInstance, admin: AdminSession, body: Record<string, unknown>) =>
  (await api.post(PROMOTIONS, { name: "Spring offer", ...body }, admin.headers)).data.promotion

/** The native promotions that mirror a marketing promotion, with their rules and campaign. */
export const nativePromotionsOf = (container: MedusaContainer, marketingId: string) =>
  container
    .resolve(Modules.PROMOTION)
    .listPromotions({}, { relations: ["application_method", "rules", "rules.values", "campaign"] })
    .then((all) => all.filter((p) => p.metadata?.marketing_promotion_id === marketingId))

/**
 * A promotions suite's set-up, once per suite (the runner snapshots the database after the suite's
 * beforeAll and restores it before every test): an admin session and a storefront, read as
 * `suite.admin` and `suite.store` in tests, and creating promotions through the admin API.
 */
export function usePromotionSuite(api: AxiosInstance, getContainer: () => MedusaContainer) {
  const suite = {
    admin: undefined as unknown as AdminSession,
    store: undefined as unknown as Storefront,
    create: (body: Record<string, unknown>) => createPromotion(api, suite.admin, body),
    nativePromotions: (marketingId: string) => nativePromotionsOf(getContainer(), marketingId),
  }
  beforeAll(async () => {
    suite.admin = await createAdminSession(api, getContainer())
    suite.store = await setUpStorefront(getContainer())
  })
  return suite
}

/**
 * A campaign with a 10 EUR spend budget and, for each code, a 6 EUR shared-code offer of it: the
 * first discount fits the budget, a second would overspend it.
 */
export async function createBudgetCampaignOffers(
  api: AxiosInstance,
  admin: AdminSession,
  codes: string[],
  offer: Record<string, unknown> = {}
) {
  const { data } = await api.post(
    "/admin/marketing/campaigns",
    { name: "Small budget", channel: "email", budget_amount: 10, budget_currency_code: "eur" },
    admin.headers
  )
  const promotions = []
  for (const code of codes) {
    const body = { type: "fixed", value: 6, currency_code: "eur", code_mode: "shared", status: "active", campaign_id: data.campaign.id, code, ...offer }
    promotions.push(await createPromotion(api, admin, body))
  }
  return promotions
}

/** The error response of a request expected to fail. */
export async function errorResponse(promise: Promise<unknown>) {
  const error: any = await promise.catch((e) => e)
  if (!error.response) throw new Error(`expected an HTTP error, got ${JSON.stringify(error?.data)}`)
  return error.response as { status: number; data: { message: string; type: string; code?: string } }
}

/**
 * A promotion with generated single-use codes, written straight through the module service: for
 * tests and benchmarks of the codes, which need a promotion but not its native mirror.
 */
export async function createUniqueCodePromotion(service: PromotionModuleService, extra: Record<string, unknown> = {}) {
  const promotion = await service.createMarketingPromotions({
    name: "Spring",
    code_mode: "unique",
    status: "active",
    type: "percentage",
    value: 10,
    target: { product_ids: [], category_ids: [], collection_ids: [] },
    customer_group_ids: [],
    ...extra,
  } as any)
  return promotion as unknown as { id: string }
}

/** The ways a code reaches a cart that a race covers: three store routes, and a host's own route. */
export const APPLY_PATHS = ["cart create", "cart update", "promotions add", "host workflow"] as const
export type ApplyPath = (typeof APPLY_PATHS)[number]

export interface RaceResult {
  path: ApplyPath
  shoppers: number
  limit: number
  /** Orders that got the code's discount. */
  discounted: number
  /** Shoppers told when applying the code (400 with the reason). */
  refused_at_apply: number
  /** Shoppers whose completion Medusa refused (the native backstop). */
  refused_at_completion: number
  /** Reasons and messages of the refusals at apply. */
  reasons: string[]
  ms: number
}

export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index])
      }
    })
  )
  return results
}

/** What a host application's own route does to apply codes: Medusa's cart workflow, run directly. */
export const applyThroughHostWorkflow = (container: MedusaContainer, cartId: string, codes: string[]) =>
  updateCartPromotionsWorkflow(container).run({ input: { cart_id: cartId, promo_codes: codes, action: PromotionActions.ADD } })

/** What a host application's own route does to add codes to a draft order in its open edit: Medusa's workflow, run directly. */
export const addToDraftThroughHostWorkflow = (container: MedusaContainer, orderId: string, codes: string[]) =>
  addDraftOrderPromotionWorkflow(container).run({ input: { order_id: orderId, promo_codes: codes } })

/**
 * What Medusa's admin draft-order route gives createOrderWorkflow: lines it prices from their variants and the
 * draft flag, which the workflow's input type does not describe (it asks for titles and prices).
 */
type DraftOrderInput = Omit<CreateOrderWorkflowInput, "items"> & {
  items: (Partial<CreateOrderLineItemDTO> & { variant_id: string; quantity: number })[]
  is_draft_order: true
}

/** What a host application's own route does to create a draft order of one shirt with codes: Medusa's workflow, as the admin route runs it. */
export const createDraftThroughHostWorkflow = (container: MedusaContainer, store: Storefront, email: string, codes: string[]) => {
  const input: DraftOrderInput = {
    email,
    region_id: store.regionId,
    sales_channel_id: store.salesChannelId,
    items: [{ variant_id: store.products.shirt.variantId, quantity: 1 }],
    promo_codes: codes,
    status: OrderStatus.DRAFT,
    is_draft_order: true,
  }
  return createOrderWorkflow(container).run({ input: input as CreateOrderWorkflowInput })
}

/**
 * A completion refused because of a limit: by the ledger when it holds the cart's codes (400 with the
 * reason as `code`), or by Medusa's own mirrored limit.
 */
export const refusedAtCompletion = (error: any): string => {
  const { code, message } = error?.response?.data ?? {}
  if (/Promotion usage exceeds/.test(message ?? "")) return "native limit"
  if (error?.response?.status === 400 && code) return `${code}: ${message}`
  throw error
}

const refusedWith = (error: any) => {
  if (error?.response?.status !== 400) throw error
  return `${error.response.data.code}: ${error.response.data.message}`
}

/**
 * `shoppers` shoppers apply one shared code limited to `limit` uses, all at once, through one path,
 * and check out: the outcome per shopper, counted. The "host workflow" path runs Medusa's
 * updateCartPromotionsWorkflow itself, as a host application's own route would: the plugin does not
 * see the apply, so only the backstop at completion can hold there.
 */
export async function raceForCode(input: {
  api: AxiosInstance
  container: MedusaContainer
  store: Storefront
  adminHeaders: object
  path: ApplyPath
  shoppers: number
  limit: number
  parallel: number
}): Promise<RaceResult> {
  const { api, container, store, path, limit } = input
  const code = `RACE-${path.replace(/\W+/g, "-").toUpperCase()}`
  await api.post(
    "/admin/marketing/promotions",
    { name: `Race ${path}`, type: "percentage", value: 20, code_mode: "shared", code, usage_limit: limit, status: "active" },
    input.adminHeaders
  )
  const items = [{ variantId: store.products.shirt.variantId, quantity: 1 }]
  const shoppers = Array.from({ length: input.shoppers }, (_, i) => new Shopper(api, store, `${code.toLowerCase()}-${i}@example.com`))
  const started = Date.now()
  const outcomes = await inParallel(shoppers, input.parallel, async (shopper) => {
    let refusal: string | null = null
    let cartId: string
    if (path === "cart create") {
      cartId = await shopper.createCart(items, [code]).then(
        (cart) => cart.id,
        async (error) => {
          refusal = refusedWith(error)
          return (await shopper.createCart(items)).id
        }
      )
    } else {
      cartId = (await shopper.createCart(items)).id
      const applying =
        path === "cart update"
          ? shopper.setCodes(cartId, [code])
          : path === "promotions add"
            ? shopper.applyCodes(cartId, [code])
            : applyThroughHostWorkflow(container, cartId, [code])
      await applying.catch((error: unknown) => {
        refusal = refusedWith(error)
      })
    }
    const order = await shopper.checkOut(cartId).catch((error) => {
      refusedAtCompletion(error)
      return null
    })
    return { refusal: refusal as string | null, discount: order ? Number(order.discount_total) : null }
  })
  return {
    path,
    shoppers: input.shoppers,
    limit,
    discounted: outcomes.filter((o) => o.discount && o.discount > 0).length,
    refused_at_apply: outcomes.filter((o) => o.refusal).length,
    refused_at_completion: outcomes.filter((o) => o.discount === null).length,
    reasons: [...new Set(outcomes.map((o) => o.refusal).filter(Boolean) as string[])],
    ms: Date.now() - started,
  }
}

/** An admin's draft order of one shirt with its edit open, ready for `/edit/promotions`. */
export async function openDraftOrder(api: AxiosInstance, store: Storefront, adminHeaders: object, email: string): Promise<string> {
  const { data } = await api.post(
    "/admin/draft-orders",
    {
      email,
      region_id: store.regionId,
      sales_channel_id: store.salesChannelId,
      items: [{ variant_id: store.products.shirt.variantId, quantity: 1 }],
    },
    adminHeaders
  )
  await api.post(`/admin/draft-orders/${data.draft_order.id}/edit`, {}, adminHeaders)
  return data.draft_order.id
}
