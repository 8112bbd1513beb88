import { PgClient, pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { IneligibilityReason, PromotionUsage, RedemptionStatus, ReleaseReason } from "../../../types/promotion/module"
import {
  ADJUST_PROMOTION_COUNTERS,
  ADJUST_REDEEMED_COUNTS,
  CAMPAIGN_SPEND,
  CARTS_HOLDING_SINCE,
  COUNT_REDEMPTIONS_AND_CORRECT_SPEND,
  COUNT_RESERVATION_WITHIN_LIMITS,
  CUSTOMER_USES_OF_PROMOTION,
  FREE_CODES,
  HELD_RESERVATION_OF_CART,
  INSERT_RESERVATION,
  INSERT_UNHELD_REDEMPTIONS,
  LOCK_CAMPAIGN_BUDGET,
  LOWER_PROMOTION_SPEND,
  LOWER_RESERVATION_ESTIMATE,
  ORDER_ALREADY_REDEEMED,
  PROMOTION_AT_LIMIT,
  RAISE_PROMOTION_SPEND,
  RAISE_RESERVATION_ESTIMATE,
  REDEEMED_SPEND_OF_PROMOTION,
  REDEEM_CART_RESERVATIONS,
  REDEEM_CODES,
  REINSTATE_CODES,
  REINSTATE_REDEMPTIONS,
  RELEASE_CART_RESERVATIONS,
  RELEASE_ORDER_REDEMPTIONS,
  RESERVE_AVAILABLE_CODE,
  STAMP_ORDER_CANCELLATION,
  UNSTAMP_ORDER_CANCELLATIONS,
  USAGE_OF_PROMOTIONS,
} from "../statements/ledger"

/*
 * The promotion ledger: what carts hold (reservations) and orders redeemed, and the limits, budgets and per-customer
 * counts checked against them. The service's methods of the same names run these in their context; the codes
 * themselves are generated and managed in codes.ts.
 */

export interface ReservationRequest {
  promotion_id: string
  cart_id: string
  customer_id: string | null
  campaign_id: string | null
  currency_code: string
  estimated_discount: number
  /** A generated code: reserved for this cart with the promotion. */
  code_id: string | null
  code: string | null
  /**
   * The campaign's spend budget, in the promotion's currency, shared by all its promotions: held with
   * a lock per campaign so that promotions reserved at once cannot overrun it together.
   */
  campaign_budget: number | null
  /**
   * At completion, `estimated_discount` is the cart's real discount: a reservation the cart already
   * holds is raised to it (within the campaign's budget) if the cart grew since.
   */
  follow_discount?: boolean
}

export type ReservationResult =
  | { reserved: true; redemption_id: string; already_held: boolean; raised_by: number }
  | { reserved: false; reason: IneligibilityReason }

export interface ReleasedReservation {
  id: string
  promotion_id: string
  cart_id: string
  code_id: string | null
  code: string | null
  /** What it counted against the budget: the order's discount, or the cart's estimate. */
  amount: number
}

export interface ReleaseReservationsInput {
  cart_ids: string[]
  promotion_ids?: string[]
  codes?: string[]
  /** Everything but these codes: what a cart update that replaces the codes left out. */
  keep_codes?: string[]
  reason: ReleaseReason
}

export interface RedeemOrderInput {
  cart_id: string
  order_id: string
  customer_id: string | null
  currency_code: string
  discounts: RedeemedPromotion[]
}

export interface RedeemedPromotion {
  promotion_id: string
  discount_amount: number
  /** The code the order used for it, if any. */
  code: string | null
}

/** What limits and budgets are checked against, per promotion, for one customer (or a guest). */
export async function usageOf(
  context: SqlContext,
  promotionIds: string[],
  customerId: string | null
): Promise<Map<string, PromotionUsage>> {
  const { rows } = await pgStatement<{ id: string; used: number; spent: string; used_by_customer: string }>(
    context,
    USAGE_OF_PROMOTIONS,
    [promotionIds, customerId]
  )
  return new Map(
    rows.map((r) => [
      r.id,
      { used: Number(r.used), spent: Number(r.spent), used_by_customer: customerId ? Number(r.used_by_customer) : 0 },
    ])
  )
}

/** What the orders that redeemed a promotion took off: the spend Medusa's own budget has counted. */
export async function redeemedSpend(context: SqlContext, promotionId: string): Promise<number> {
  const { rows } = await pgStatement<{ spent: string }>(context, REDEEMED_SPEND_OF_PROMOTION, [promotionId])
  return Number(rows[0].spent)
}

/**
 * Holds a promotion (and a generated code) for a cart, or says why it cannot be held. The
 * promotion's row is locked by the counter update, so concurrent checkouts queue on it and no
 * limit, budget or per-customer count can be overrun. Holding it again for the same cart is a no-op.
 */
export function reserve(context: SqlContext, request: ReservationRequest): Promise<ReservationResult> {
  // A refusal rolls back the counters the reservation moved, and only those: in a caller's
  // transaction the reservation is a savepoint of it.
  const manager = context.transactionManager ?? context.manager!
  return manager.transactional((transactionManager) =>
    pgTransaction({ transactionManager }, (client) => reserveIn(client, request))
  ).catch((error) => {
    if (error instanceof Refusal) {
      return { reserved: false as const, reason: error.reason }
    }
    throw error
  })
}

async function reserveIn(client: PgClient, request: ReservationRequest): Promise<ReservationResult> {
  const held = await client.query(HELD_RESERVATION_OF_CART, [request.promotion_id, request.cart_id])
  if (held.rowCount) {
    const redemptionId = held.rows[0].id as string
    const growth = request.follow_discount ? request.estimated_discount - Number(held.rows[0].estimated_discount) : 0
    if (growth > 0) await raiseIn(client, redemptionId, request, growth)
    return { reserved: true as const, redemption_id: redemptionId, already_held: true, raised_by: Math.max(growth, 0) }
  }
  const counted = await client.query(COUNT_RESERVATION_WITHIN_LIMITS, [request.promotion_id, request.estimated_discount])
  if (!counted.rowCount) {
    throw new Refusal(await exhaustedReason(client, request))
  }
  await holdCampaignBudget(client, request)
  const perCustomerLimit = counted.rows[0].per_customer_limit as number | null
  if (perCustomerLimit !== null && request.customer_id) {
    const { rows } = await client.query(CUSTOMER_USES_OF_PROMOTION, [request.promotion_id, request.customer_id])
    if (Number(rows[0].used) >= perCustomerLimit) {
      throw new Refusal(IneligibilityReason.CUSTOMER_LIMIT_REACHED)
    }
  }
  if (request.code_id) {
    const code = await client.query(RESERVE_AVAILABLE_CODE, [request.code_id, request.cart_id])
    if (!code.rowCount) {
      throw new Refusal(IneligibilityReason.CODE_USED)
    }
  }
  const { rows } = await client.query(INSERT_RESERVATION, [
    request.promotion_id,
    request.code,
    request.code_id,
    request.cart_id,
    request.customer_id,
    request.campaign_id,
    request.currency_code,
    request.estimated_discount,
  ])
  return { reserved: true as const, redemption_id: rows[0].id as string, already_held: false, raised_by: 0 }
}

/**
 * A held reservation raised by `growth`, refused if that takes the campaign past its budget. The
 * promotion's own budget is not checked here: Medusa's spend budget, mirrored from it, counts the real
 * discounts of completions under its row lock, and refuses the one that would overrun it.
 */
async function raiseIn(client: PgClient, redemptionId: string, request: ReservationRequest, growth: number) {
  await client.query(RAISE_PROMOTION_SPEND, [request.promotion_id, growth])
  await holdCampaignBudget(client, request)
  await client.query(RAISE_RESERVATION_ESTIMATE, [redemptionId, growth])
}

/** Undoes a reservation's raise at completion (workflow compensation): the completion failed. Runs in a transaction. */
export async function lowerReservation(context: SqlContext, input: { redemption_id: string; by: number }): Promise<void> {
  await pgTransaction(context, async (client) => {
    const { rows } = await client.query(LOWER_RESERVATION_ESTIMATE, [input.redemption_id, input.by])
    if (!rows.length) return
    await client.query(LOWER_PROMOTION_SPEND, [rows[0].promotion_id, input.by])
  })
}

async function exhaustedReason(client: PgClient, request: ReservationRequest) {
  const { rows } = await client.query(PROMOTION_AT_LIMIT, [request.promotion_id])
  if (!rows.length) {
    return IneligibilityReason.NOT_FOUND
  }
  return rows[0].at_limit ? IneligibilityReason.LIMIT_REACHED : IneligibilityReason.BUDGET_EXHAUSTED
}

/**
 * Gives back what carts hold: a cart's promotions (all, or those listed by promotion or code) when they are removed or
 * the cart is abandoned. Codes become available again. Runs in a transaction.
 */
export function releaseReservations(context: SqlContext, input: ReleaseReservationsInput): Promise<ReleasedReservation[]> {
  return pgTransaction(context, (client) =>
    giveBack(client, RELEASE_CART_RESERVATIONS, [
      input.cart_ids,
      input.promotion_ids ?? null,
      input.codes ?? null,
      input.keep_codes ?? null,
      input.reason,
    ])
  )
}

/**
 * Undoes `releaseReservations` (as RESERVED) or `releaseOrder` (as REDEEMED), for a workflow's compensation: the
 * same rows held again. Runs in a transaction.
 */
export async function reinstate(
  context: SqlContext,
  redemptionIds: string[],
  status: typeof RedemptionStatus.RESERVED | typeof RedemptionStatus.REDEEMED
): Promise<void> {
  await pgTransaction(context, (client) => reinstateIn(client, redemptionIds, status))
}

/**
 * Carts that have held a reservation since before `before`: abandoned, by the configured timeout.
 * A draft order holds its codes under its order id until it is converted or deleted: it is no cart.
 */
export async function cartsHoldingSince(context: SqlContext, before: Date, limit: number): Promise<string[]> {
  const { rows } = await pgStatement<{ cart_id: string }>(context, CARTS_HOLDING_SINCE, [before, limit])
  return rows.map((r) => r.cart_id)
}

/**
 * The cart became an order: its reservations are redeemed with the order's actual discount per
 * promotion, and the budget is corrected from the estimate to that amount. Promotions that applied
 * without a reservation (automatic ones) are entered as redeemed. An order is redeemed once: a
 * repeated order.placed changes nothing. Runs in a transaction.
 */
export function redeemOrder(context: SqlContext, input: RedeemOrderInput): Promise<string[]> {
  return pgTransaction(context, async (client) => {
    const done = await client.query(ORDER_ALREADY_REDEEMED, [input.order_id])
    if (done.rowCount) return []
    const amounts = [input.discounts.map((d) => d.promotion_id), input.discounts.map((d) => d.discount_amount)]
    const held = await client.query(REDEEM_CART_RESERVATIONS, [input.cart_id, input.order_id, ...amounts])
    const heldIds = new Set(held.rows.map((r) => r.promotion_id))
    const unheld = input.discounts.filter((d) => !heldIds.has(d.promotion_id))
    const entered = await client.query(INSERT_UNHELD_REDEMPTIONS, [
      input.cart_id,
      input.customer_id,
      input.currency_code,
      input.order_id,
      unheld.map((d) => d.promotion_id),
      unheld.map((d) => d.discount_amount),
      unheld.map((d) => d.code),
    ])
    await adjustCounters(
      client,
      entered.rows.map((r) => ({
        promotion_id: r.promotion_id,
        estimated_discount: unheld.find((d) => d.promotion_id === r.promotion_id)!.discount_amount,
      })),
      1
    )
    await client.query(COUNT_REDEMPTIONS_AND_CORRECT_SPEND, [
      [...held.rows, ...entered.rows].map((r) => r.promotion_id),
      [...held.rows.map((r) => Number(r.correction)), ...entered.rows.map(() => 0)],
    ])
    await client.query(REDEEM_CODES, [held.rows.map((r) => r.code_id).filter(Boolean), input.order_id])
    return [...held.rows, ...entered.rows].map((r) => r.id as string)
  })
}

/**
 * A cancelled order gives its promotions back: limits, budget and single-use codes count it no more. Runs in a
 * transaction.
 */
export function releaseOrder(context: SqlContext, orderId: string): Promise<ReleasedReservation[]> {
  return pgTransaction(context, async (client) => {
    const released = await giveBack(client, RELEASE_ORDER_REDEMPTIONS, [orderId, ReleaseReason.CANCELLED])
    await countRedeemed(client, released.map((r) => r.promotion_id), -1)
    return released
  })
}

/**
 * Stamps a cancelled order's attribution (at the transaction's time), once: the analytics rollup takes the order
 * off on that day. The attribution's id when this call stamped it.
 */
export async function stampOrderCancellation(context: SqlContext, orderId: string): Promise<string[]> {
  return (await pgStatement<{ id: string }>(context, STAMP_ORDER_CANCELLATION, [orderId])).rows.map((row) => row.id)
}

export async function unstampOrderCancellations(context: SqlContext, attributionIds: string[]): Promise<void> {
  await pgStatement(context, UNSTAMP_ORDER_CANCELLATIONS, [attributionIds])
}

/**
 * A campaign's spend budget counts every promotion of the campaign: checked after the promotion's own
 * counter moved, under a lock per campaign so that its promotions reserved at once cannot overrun it together.
 */
async function holdCampaignBudget(client: PgClient, request: ReservationRequest) {
  if (!request.campaign_id || request.campaign_budget === null) return
  await client.query(LOCK_CAMPAIGN_BUDGET, [request.campaign_id])
  const { rows } = await client.query(CAMPAIGN_SPEND, [request.campaign_id])
  if (Number(rows[0].spent) > request.campaign_budget) {
    throw new Refusal(IneligibilityReason.BUDGET_EXHAUSTED)
  }
}

/** Thrown inside the reservation transaction so that a refusal rolls back the counters it moved. */
class Refusal extends Error {
  constructor(readonly reason: IneligibilityReason) {
    super(reason)
  }
}

/**
 * Runs a release statement (RELEASE_CART_RESERVATIONS, RELEASE_ORDER_REDEMPTIONS), gives back the counts and amounts
 * of the rows it released, and frees their codes.
 */
async function giveBack(client: PgClient, statement: string, params: unknown[]): Promise<ReleasedReservation[]> {
  const { rows } = await client.query(statement, params)
  await adjustCounters(
    client,
    rows.map((r) => ({ promotion_id: r.promotion_id, estimated_discount: r.counted })),
    -1
  )
  await client.query(FREE_CODES, [rows.map((r) => r.code_id).filter(Boolean)])
  return rows.map(({ id, promotion_id, cart_id, code_id, code, counted }) => ({
    id,
    promotion_id,
    cart_id,
    code_id,
    code,
    amount: Number(counted),
  }))
}

async function adjustCounters(
  client: PgClient,
  rows: { promotion_id: string; estimated_discount: string | number }[],
  direction: 1 | -1
) {
  if (!rows.length) {
    return
  }
  await client.query(
    ADJUST_PROMOTION_COUNTERS,
    [rows.map((r) => r.promotion_id), rows.map((r) => Number(r.estimated_discount)), direction]
  )
}

/**
 * Puts released ledger rows back as they were (reserved, or redeemed), with the counters and the codes
 * they held: what a failed workflow's compensation needs.
 */
async function reinstateIn(client: PgClient, redemptionIds: string[], status: RedemptionStatus) {
  const { rows } = await client.query(REINSTATE_REDEMPTIONS, [redemptionIds, status])
  await adjustCounters(client, rows.map((r) => ({ promotion_id: r.promotion_id, estimated_discount: r.counted })), +1)
  if (status === RedemptionStatus.REDEEMED) {
    await countRedeemed(client, rows.map((r) => r.promotion_id), +1)
  }
  const coded = rows.filter((r) => r.code_id)
  await client.query(
    REINSTATE_CODES,
    [coded.map((r) => r.code_id), coded.map((r) => r.cart_id), coded.map((r) => r.order_id), status]
  )
}

/** Moves promotions' redeemed counts by one per listed id (an id may repeat). */
async function countRedeemed(client: PgClient, promotionIds: string[], direction: 1 | -1) {
  await client.query(ADJUST_REDEEMED_COUNTS, [promotionIds, direction])
}
