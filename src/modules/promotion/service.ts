import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PgClient, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { IneligibilityReason, PromotionUsage, RedemptionStatus, ReleaseReason } from "../../types/promotion/module"
import { CodePattern } from "./lib/code-pattern"
import {
  ADJUST_PROMOTION_COUNTERS,
  ADJUST_REDEEMED_COUNTS,
  ANALYZE_CODES,
  ASSIGN_FREE_CODES,
  CAMPAIGN_SPEND,
  CARTS_HOLDING_SINCE,
  CODES_OF_PROMOTION_AFTER,
  CODE_BATCHES_OF_PROMOTION,
  CODE_PAGE,
  COUNT_REDEMPTIONS_AND_CORRECT_SPEND,
  COUNT_RESERVATION_WITHIN_LIMITS,
  CUSTOMER_USES_OF_PROMOTION,
  FREE_CODES,
  HELD_RESERVATION_OF_CART,
  INSERT_RESERVATION,
  INSERT_UNHELD_REDEMPTIONS,
  LOCK_CAMPAIGN_BUDGET,
  LOCK_CODE_ASSIGNMENT,
  LOWER_PROMOTION_SPEND,
  LOWER_RESERVATION_ESTIMATE,
  ORDER_ALREADY_REDEEMED,
  OWN_CODES_OF_CONTACTS,
  PROMOTION_AT_LIMIT,
  RAISE_PROMOTION_SPEND,
  RAISE_RESERVATION_ESTIMATE,
  REDEEMED_SPEND_OF_PROMOTION,
  REDEEM_CART_RESERVATIONS,
  REDEEM_CODES,
  REINSTATE_CODES,
  REINSTATE_REDEMPTIONS,
  REINSTATE_WITHDRAWN_PROMOTIONS,
  RELEASE_CART_RESERVATIONS,
  RELEASE_ORDER_REDEMPTIONS,
  RESERVE_AVAILABLE_CODE,
  UNASSIGN_AVAILABLE_CODES,
  UNVOID_CODES_VOIDED_AT,
  USAGE_OF_PROMOTIONS,
  VOID_AVAILABLE_CODES_PAGE,
  WITHDRAW_CODES_PAGE,
  WITHDRAW_CODE_BATCH,
  WITHDRAW_PROMOTIONS,
  insertGeneratedCodes,
} from "./statements"
import MarketingPromotion from "./models/promotion"
import OrderAttribution from "./models/order-attribution"
import PromotionCode from "./models/promotion-code"
import Redemption from "./models/redemption"

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

export interface RedeemedPromotion {
  promotion_id: string
  discount_amount: number
  /** The code the order used for it, if any. */
  code: string | null
}

/** Codes generated at once past which the table's statistics are refreshed (see generateCodes). */
const ANALYZE_AFTER_CODES = 10_000

export default class PromotionModuleService extends MedusaService({
  MarketingPromotion,
  PromotionCode,
  Redemption,
  OrderAttribution,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.options_ = parsePluginOptions(options)
  }

  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Inserts `count` new unique codes of a pattern, set-based. Random characters come from
   * gen_random_uuid's bytes; a code that already exists is skipped by the unique index and made up
   * for in the next round, so the count is exact and no code is ever issued twice.
   */
  @InjectManager()
  async generateCodes(
    input: { promotion_id: string; batch_id: string; count: number; pattern: CodePattern },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    const { promotion_id, batch_id, count, pattern } = input
    const { statement, literals } = insertGeneratedCodes(pattern)
    let inserted = 0
    let drawn = 0
    for (let round = 0; inserted < count && round < count / CODE_PAGE + 5; round++) {
      const wanted = Math.min(CODE_PAGE, count - inserted)
      const { rows } = await pgStatement<{ inserted: string }>(context, statement, [
        wanted,
        pattern.alphabet,
        batch_id,
        promotion_id,
        drawn,
        ...literals,
      ])
      drawn += wanted
      inserted += Number(rows[0].inserted)
    }
    // A large batch leaves the planner's statistics describing a much smaller table until autovacuum
    // comes round: the paged void and delete that may follow at once would then join page by page
    // with a sequential scan of every code (minutes at 1M) instead of a primary key lookup.
    if (inserted >= ANALYZE_AFTER_CODES) await pgStatement(context, ANALYZE_CODES, [])
    return inserted
  }

  /** Codes of a promotion in id order, a page at a time, for exports that must not hold 1M rows. */
  @InjectManager()
  async codesAfter(
    input: { promotion_id: string; batch_id?: string; after: string | null; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ) {
    const { rows } = await pgStatement<{
      id: string
      code: string
      status: string
      contact_id: string | null
      order_id: string | null
      batch_id: string
      created_at: Date
      redeemed_at: Date | null
    }>(
      context,
      CODES_OF_PROMOTION_AFTER,
      [input.promotion_id, input.batch_id ?? null, input.after, input.limit]
    )
    return rows
  }

  /**
   * A promotion's generation runs, oldest first, with how many codes each made, how many of them are still
   * available, given to a contact, and free to give (available, nobody's): batches have no row of their own,
   * their codes carry them.
   */
  @InjectManager()
  async codeBatches(promotionId: string, @MedusaContext() context: Context<EntityManager> = {}) {
    const { rows } = await pgStatement<{
      batch_id: string
      created_at: Date
      count: string
      available: string
      assigned: string
      unassigned: string
    }>(
      context,
      CODE_BATCHES_OF_PROMOTION,
      [promotionId]
    )
    return rows.map((row) => ({
      batch_id: row.batch_id,
      created_at: row.created_at,
      count: Number(row.count),
      available: Number(row.available),
      assigned: Number(row.assigned),
      unassigned: Number(row.unassigned),
    }))
  }

  /**
   * Each contact's own available code of an active promotion of these campaigns (the oldest, when a
   * contact holds several), for messages that print `{{ promotion_code }}`.
   */
  @InjectManager()
  async codesForContacts(
    input: { campaign_ids: string[]; contact_ids: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ campaign_id: string; contact_id: string; code: string }[]> {
    if (!input.campaign_ids.length || !input.contact_ids.length) return []
    const { rows } = await pgStatement<{ campaign_id: string; contact_id: string; code: string }>(
      context,
      OWN_CODES_OF_CONTACTS,
      [input.campaign_ids, input.contact_ids]
    )
    return rows
  }

  /** What limits and budgets are checked against, per promotion, for one customer (or a guest). */
  @InjectManager()
  async usageOf(
    promotionIds: string[],
    customerId: string | null,
    @MedusaContext() context: Context<EntityManager> = {}
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
  @InjectManager()
  async redeemedSpend(promotionId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<number> {
    const { rows } = await pgStatement<{ spent: string }>(context, REDEEMED_SPEND_OF_PROMOTION, [promotionId])
    return Number(rows[0].spent)
  }

  /**
   * Holds a promotion (and a generated code) for a cart, or says why it cannot be held. The
   * promotion's row is locked by the counter update, so concurrent checkouts queue on it and no
   * limit, budget or per-customer count can be overrun. Holding it again for the same cart is a no-op.
   */
  @InjectManager()
  async reserve(
    request: ReservationRequest,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReservationResult> {
    // A refusal rolls back the counters the reservation moved, and only those: in a caller's
    // transaction the reservation is a savepoint of it.
    const manager = context.transactionManager ?? context.manager!
    return manager.transactional((transactionManager) =>
      pgTransaction({ transactionManager }, (client) => this.reserveIn(client, request))
    ).catch((error) => {
      if (error instanceof Refusal) {
        return { reserved: false as const, reason: error.reason }
      }
      throw error
    })
  }

  private async reserveIn(client: PgClient, request: ReservationRequest): Promise<ReservationResult> {
    const held = await client.query(HELD_RESERVATION_OF_CART, [request.promotion_id, request.cart_id])
    if (held.rowCount) {
      const redemptionId = held.rows[0].id as string
      const growth = request.follow_discount ? request.estimated_discount - Number(held.rows[0].estimated_discount) : 0
      if (growth > 0) await this.raiseIn(client, redemptionId, request, growth)
      return { reserved: true as const, redemption_id: redemptionId, already_held: true, raised_by: Math.max(growth, 0) }
    }
    const counted = await client.query(
      COUNT_RESERVATION_WITHIN_LIMITS,
      [request.promotion_id, request.estimated_discount]
    )
    if (!counted.rowCount) {
      throw new Refusal(await this.exhaustedReason(client, request))
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
    const { rows } = await client.query(
      INSERT_RESERVATION,
      [
        request.promotion_id,
        request.code,
        request.code_id,
        request.cart_id,
        request.customer_id,
        request.campaign_id,
        request.currency_code,
        request.estimated_discount,
      ]
    )
    return { reserved: true as const, redemption_id: rows[0].id as string, already_held: false, raised_by: 0 }
  }

  /**
   * A held reservation raised by `growth`, refused if that takes the campaign past its budget. The
   * promotion's own budget is not checked here: Medusa's spend budget, mirrored from it, counts the real
   * discounts of completions under its row lock, and refuses the one that would overrun it.
   */
  private async raiseIn(client: PgClient, redemptionId: string, request: ReservationRequest, growth: number) {
    await client.query(RAISE_PROMOTION_SPEND, [request.promotion_id, growth])
    await holdCampaignBudget(client, request)
    await client.query(RAISE_RESERVATION_ESTIMATE, [redemptionId, growth])
  }

  /** Undoes a reservation's raise at completion (workflow compensation): the completion failed. */
  @InjectTransactionManager()
  async lowerReservation(
    input: { redemption_id: string; by: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgTransaction(context, async (client) => {
      const { rows } = await client.query(LOWER_RESERVATION_ESTIMATE, [input.redemption_id, input.by])
      if (!rows.length) return
      await client.query(LOWER_PROMOTION_SPEND, [rows[0].promotion_id, input.by])
    })
  }

  private async exhaustedReason(client: PgClient, request: ReservationRequest) {
    const { rows } = await client.query(PROMOTION_AT_LIMIT, [request.promotion_id])
    if (!rows.length) {
      return IneligibilityReason.NOT_FOUND
    }
    return rows[0].at_limit ? IneligibilityReason.LIMIT_REACHED : IneligibilityReason.BUDGET_EXHAUSTED
  }

  /**
   * Gives back what carts hold: a cart's promotions (all, or those listed by promotion or code) when they are removed or
   * the cart is abandoned. Codes become available again.
   */
  @InjectTransactionManager()
  async releaseReservations(
    input: ReleaseReservationsInput,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReleasedReservation[]> {
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

  /** Undoes `releaseReservations` (workflow compensation): the same rows reserved again. */
  @InjectTransactionManager()
  async reinstateReservations(
    redemptionIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgTransaction(context, (client) => reinstate(client, redemptionIds, RedemptionStatus.RESERVED))
  }

  /** Undoes `releaseOrder` (workflow compensation): the order's promotions redeemed again. */
  @InjectTransactionManager()
  async reinstateRedemptions(
    redemptionIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgTransaction(context, (client) => reinstate(client, redemptionIds, RedemptionStatus.REDEEMED))
  }

  /**
   * Carts that have held a reservation since before `before`: abandoned, by the configured timeout.
   * A draft order holds its codes under its order id until it is converted or deleted: it is no cart.
   */
  @InjectManager()
  async cartsHoldingSince(
    before: Date,
    limit: number,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    const { rows } = await pgStatement<{ cart_id: string }>(context, CARTS_HOLDING_SINCE, [before, limit])
    return rows.map((r) => r.cart_id)
  }

  /**
   * The cart became an order: its reservations are redeemed with the order's actual discount per
   * promotion, and the budget is corrected from the estimate to that amount. Promotions that applied
   * without a reservation (automatic ones) are entered as redeemed. An order is redeemed once: a
   * repeated order.placed changes nothing.
   */
  @InjectTransactionManager()
  async redeemOrder(
    input: {
      cart_id: string
      order_id: string
      customer_id: string | null
      currency_code: string
      discounts: RedeemedPromotion[]
    },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return pgTransaction(context, async (client) => {
      const done = await client.query(ORDER_ALREADY_REDEEMED, [input.order_id])
      if (done.rowCount) return []
      const amounts = [input.discounts.map((d) => d.promotion_id), input.discounts.map((d) => d.discount_amount)]
      const held = await client.query(REDEEM_CART_RESERVATIONS, [input.cart_id, input.order_id, ...amounts])
      const heldIds = new Set(held.rows.map((r) => r.promotion_id))
      const unheld = input.discounts.filter((d) => !heldIds.has(d.promotion_id))
      const entered = await client.query(
        INSERT_UNHELD_REDEMPTIONS,
        [
          input.cart_id,
          input.customer_id,
          input.currency_code,
          input.order_id,
          unheld.map((d) => d.promotion_id),
          unheld.map((d) => d.discount_amount),
          unheld.map((d) => d.code),
        ]
      )
      await adjustCounters(
        client,
        entered.rows.map((r) => ({
          promotion_id: r.promotion_id,
          estimated_discount: unheld.find((d) => d.promotion_id === r.promotion_id)!.discount_amount,
        })),
        1
      )
      await client.query(
        COUNT_REDEMPTIONS_AND_CORRECT_SPEND,
        [
          [...held.rows, ...entered.rows].map((r) => r.promotion_id),
          [...held.rows.map((r) => Number(r.correction)), ...entered.rows.map(() => 0)],
        ]
      )
      await client.query(REDEEM_CODES, [held.rows.map((r) => r.code_id).filter(Boolean), input.order_id])
      return [...held.rows, ...entered.rows].map((r) => r.id as string)
    })
  }

  /** A cancelled order gives its promotions back: limits, budget and single-use codes count it no more. */
  @InjectTransactionManager()
  async releaseOrder(
    orderId: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReleasedReservation[]> {
    return pgTransaction(context, async (client) => {
      const released = await giveBack(client, RELEASE_ORDER_REDEMPTIONS, [orderId, ReleaseReason.CANCELLED])
      await countRedeemed(client, released.map((r) => r.promotion_id), -1)
      return released
    })
  }

  /**
   * Gives each listed contact that holds no code of this promotion yet (void ones aside) one available,
   * unassigned code: all of them or, when codes are short, none, with how many are missing. The
   * assignments of one promotion queue on an advisory lock taken before the statement's snapshot, so
   * that two at once cannot both find a contact without a code.
   */
  @InjectTransactionManager()
  async assignCodes(
    input: { promotion_id: string; contact_ids: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ code_ids: string[]; missing: number }> {
    return pgTransaction(context, async (client) => {
      await client.query(LOCK_CODE_ASSIGNMENT, [
        input.promotion_id,
      ])
      const { rows } = await client.query(ASSIGN_FREE_CODES, [input.promotion_id, input.contact_ids])
      return { code_ids: rows[0].code_ids as string[], missing: Number(rows[0].missing) }
    })
  }

  /** Undoes `assignCodes` (workflow compensation) for the codes not used meanwhile. */
  @InjectManager()
  async unassignCodes(codeIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(context, UNASSIGN_AVAILABLE_CODES, [codeIds])
  }

  /**
   * Voids a promotion's available codes, listed or of a batch; reserved and redeemed codes are in use and stay.
   * The voided codes keep `voided_at` as their updated_at, which is how unvoidCodes finds them again.
   */
  @InjectManager()
  async voidCodes(
    input: { promotion_id: string; code_ids?: string[]; batch_id?: string; voided_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return updateCodesInPages(context, VOID_AVAILABLE_CODES_PAGE, input.promotion_id, [
      input.code_ids ?? null,
      input.batch_id ?? null,
      input.voided_at,
    ])
  }

  /**
   * Undoes `voidCodes` (workflow compensation) by its timestamp, so that no list of a million ids is kept.
   * Nothing changes a void code, so the codes voided then are exactly those with this updated_at.
   */
  @InjectManager()
  async unvoidCodes(
    input: { promotion_id: string; voided_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgStatement(context, UNVOID_CODES_VOIDED_AT, [input.promotion_id, input.voided_at])
  }

  /** Withdraws a generation run in one statement: the ORM's soft delete would load every code first. */
  @InjectManager()
  async withdrawCodeBatch(batchId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(context, WITHDRAW_CODE_BATCH, [batchId])
  }

  /**
   * Soft-deletes promotions and their codes, all with `deleted_at` as their mark. Not the ORM's soft delete:
   * its cascade loads every code, and a million codes overflow the stack.
   */
  @InjectManager()
  async withdrawPromotions(
    input: { ids: string[]; deleted_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    // The promotions go first: from then on no checkout can reserve one of their codes.
    await pgStatement(context, WITHDRAW_PROMOTIONS, [input.ids, input.deleted_at])
    for (const id of input.ids) {
      await updateCodesInPages(context, WITHDRAW_CODES_PAGE, id, [input.deleted_at])
    }
  }

  /**
   * Undoes `withdrawPromotions` (workflow compensation): what carries its `deleted_at` comes back, what was
   * deleted before stays deleted. One statement: nobody else updates deleted codes, so its locks block no one.
   */
  @InjectManager()
  async reinstateWithdrawnPromotions(
    input: { ids: string[]; deleted_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgStatement(context, REINSTATE_WITHDRAWN_PROMOTIONS, [input.ids, input.deleted_at])
  }
}

/**
 * Runs a paged statement over a promotion's codes (see codesPage in statements.ts) a page at a time in id order,
 * each page committed on its own: one statement over a million codes would hold their locks for as long, and a
 * checkout reaching one of them would wait with its promotion's row locked. Returns how many codes changed.
 */
async function updateCodesInPages(
  context: Context<EntityManager>,
  statement: string,
  promotionId: string,
  params: unknown[]
): Promise<number> {
  let changed = 0
  for (let after = ""; ; ) {
    const { rows } = await pgStatement<{ last: string | null; changed: string }>(context, statement, [
      promotionId,
      after,
      ...params,
    ])
    changed += Number(rows[0].changed)
    if (!rows[0].last) return changed
    after = rows[0].last
  }
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
async function reinstate(client: PgClient, redemptionIds: string[], status: RedemptionStatus) {
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
