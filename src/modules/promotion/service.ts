import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PgClient, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { IneligibilityReason, PromotionUsage, RedemptionStatus, ReleaseReason } from "../../types/promotion/module"
import { CodePattern } from "./lib/code-pattern"
import MarketingPromotion from "./models/promotion"
import OrderAttribution from "./models/order-attribution"
import PromotionCode from "./models/promotion-code"
import Redemption from "./models/redemption"

/**
 * A pattern as one flat SQL expression over a candidate's random bytes (`c.bytes`), literal runs bound
 * from $6 on: per row, a concatenation is several times cheaper than aggregating the positions.
 */
function codeExpression(pattern: CodePattern) {
  const parts: string[] = []
  const literals: string[] = []
  let literal = ""
  const flush = () => {
    if (!literal) return
    literals.push(literal)
    parts.push(`$${5 + literals.length}::text`)
    literal = ""
  }
  pattern.byteIndexes.forEach((byteIndex, position) => {
    if (byteIndex < 0) {
      literal += pattern.literals[position]
      return
    }
    flush()
    parts.push(`substr($2, get_byte(c.bytes, ${byteIndex}) % 32 + 1, 1)`)
  })
  flush()
  return { expression: parts.join(" || "), literals }
}

/** A bigNumber column's raw twin, which Medusa reads back in preference to the numeric column. */
const raw = (expression: string) => `jsonb_build_object('value', (${expression})::text, 'precision', 20)`

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

/** Codes are written in pages this large: one statement each, so that 1M codes are 20 statements. */
const CODE_PAGE = 50_000
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
    const { expression, literals } = codeExpression(pattern)
    let inserted = 0
    let drawn = 0
    for (let round = 0; inserted < count && round < count / CODE_PAGE + 5; round++) {
      const wanted = Math.min(CODE_PAGE, count - inserted)
      // Ids follow the batch's own (time-ordered) id and a running number, so that the primary key
      // grows at its end instead of taking a random page for every code.
      const { rows } = await pgStatement<{ inserted: string }>(
        context,
        `WITH candidates AS (
           SELECT n, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) AS bytes
             FROM generate_series($5::int + 1, $5::int + $1::int) AS n
         ), inserted AS (
           INSERT INTO marketing_promotion_code (id, code, status, batch_id, promotion_id, created_at, updated_at)
           SELECT 'mpcode_' || substr($3, 9) || lpad(c.n::text, 7, '0'), ${expression}, 'available', $3, $4, now(), now()
             FROM candidates c
           ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING
           RETURNING 1
         )
         SELECT count(*) AS inserted FROM inserted`,
        [wanted, pattern.alphabet, batch_id, promotion_id, drawn, ...literals]
      )
      drawn += wanted
      inserted += Number(rows[0].inserted)
    }
    // A large batch leaves the planner's statistics describing a much smaller table until autovacuum
    // comes round: the paged void and delete that may follow at once would then join page by page
    // with a sequential scan of every code (minutes at 1M) instead of a primary key lookup.
    if (inserted >= ANALYZE_AFTER_CODES) await pgStatement(context, "ANALYZE marketing_promotion_code", [])
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
      `SELECT id, code, status, contact_id, order_id, batch_id, created_at, redeemed_at
         FROM marketing_promotion_code
        WHERE promotion_id = $1 AND deleted_at IS NULL
          AND ($2::text IS NULL OR batch_id = $2) AND ($3::text IS NULL OR id > $3)
        ORDER BY id LIMIT $4`,
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
      `SELECT batch_id, min(created_at) AS created_at, count(*) AS count,
              count(*) FILTER (WHERE status = 'available') AS available,
              count(*) FILTER (WHERE contact_id IS NOT NULL) AS assigned,
              count(*) FILTER (WHERE status = 'available' AND contact_id IS NULL) AS unassigned
         FROM marketing_promotion_code
        WHERE promotion_id = $1 AND deleted_at IS NULL
        GROUP BY batch_id ORDER BY min(created_at), batch_id`,
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
      `SELECT DISTINCT ON (p.campaign_id, c.contact_id) p.campaign_id, c.contact_id, c.code
         FROM marketing_promotion_code c
         JOIN marketing_promotion p ON p.id = c.promotion_id AND p.deleted_at IS NULL AND p.status = 'active'
        WHERE p.campaign_id = ANY($1::text[]) AND c.contact_id = ANY($2::text[])
          AND c.status = 'available' AND c.deleted_at IS NULL
        ORDER BY p.campaign_id, c.contact_id, c.created_at, c.id`,
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
      `SELECT p.id, p.used_count AS used, p.spent_amount AS spent,
              (SELECT count(*) FROM marketing_promotion_redemption r
                WHERE r.promotion_id = p.id AND r.customer_id = $2
                  AND r.status IN ('reserved', 'redeemed') AND r.deleted_at IS NULL) AS used_by_customer
         FROM marketing_promotion p WHERE p.id = ANY($1::text[])`,
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
    const { rows } = await pgStatement<{ spent: string }>(
      context,
      `SELECT coalesce(sum(discount_amount), 0) AS spent FROM marketing_promotion_redemption
        WHERE promotion_id = $1 AND status = 'redeemed' AND deleted_at IS NULL`,
      [promotionId]
    )
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
    const held = await client.query(
      `SELECT id, estimated_discount FROM marketing_promotion_redemption
        WHERE promotion_id = $1 AND cart_id = $2 AND status = 'reserved' AND deleted_at IS NULL`,
      [request.promotion_id, request.cart_id]
    )
    if (held.rowCount) {
      const redemptionId = held.rows[0].id as string
      const growth = request.follow_discount ? request.estimated_discount - Number(held.rows[0].estimated_discount) : 0
      if (growth > 0) await this.raiseIn(client, redemptionId, request, growth)
      return { reserved: true as const, redemption_id: redemptionId, already_held: true, raised_by: Math.max(growth, 0) }
    }
    const counted = await client.query(
      `UPDATE marketing_promotion
          SET used_count = used_count + 1,
              spent_amount = spent_amount + $2::numeric,
              raw_spent_amount = ${raw("spent_amount + $2::numeric")},
              updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL
          AND (usage_limit IS NULL OR used_count < usage_limit)
          AND (budget_amount IS NULL OR spent_amount + $2::numeric <= budget_amount)
        RETURNING per_customer_limit`,
      [request.promotion_id, request.estimated_discount]
    )
    if (!counted.rowCount) {
      throw new Refusal(await this.exhaustedReason(client, request))
    }
    await holdCampaignBudget(client, request)
    const perCustomerLimit = counted.rows[0].per_customer_limit as number | null
    if (perCustomerLimit !== null && request.customer_id) {
      const { rows } = await client.query(
        `SELECT count(*) AS used FROM marketing_promotion_redemption
          WHERE promotion_id = $1 AND customer_id = $2 AND status IN ('reserved', 'redeemed') AND deleted_at IS NULL`,
        [request.promotion_id, request.customer_id]
      )
      if (Number(rows[0].used) >= perCustomerLimit) {
        throw new Refusal(IneligibilityReason.CUSTOMER_LIMIT_REACHED)
      }
    }
    if (request.code_id) {
      const code = await client.query(
        `UPDATE marketing_promotion_code SET status = 'reserved', cart_id = $2, reserved_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'available' AND deleted_at IS NULL RETURNING id`,
        [request.code_id, request.cart_id]
      )
      if (!code.rowCount) {
        throw new Refusal(IneligibilityReason.CODE_USED)
      }
    }
    const { rows } = await client.query(
      `INSERT INTO marketing_promotion_redemption
         (id, promotion_id, status, code, code_id, cart_id, customer_id, campaign_id, currency_code,
          estimated_discount, raw_estimated_discount, reserved_at, created_at, updated_at)
       VALUES ('mpred_' || replace(gen_random_uuid()::text, '-', ''), $1, 'reserved', $2, $3, $4, $5, $6, $7,
               $8::numeric, ${raw("$8::numeric")}, now(), now(), now())
       RETURNING id`,
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
    await client.query(
      `UPDATE marketing_promotion
          SET spent_amount = spent_amount + $2::numeric, raw_spent_amount = ${raw("spent_amount + $2::numeric")},
              updated_at = now()
        WHERE id = $1`,
      [request.promotion_id, growth]
    )
    await holdCampaignBudget(client, request)
    await client.query(
      `UPDATE marketing_promotion_redemption
          SET estimated_discount = estimated_discount + $2::numeric,
              raw_estimated_discount = ${raw("estimated_discount + $2::numeric")}, updated_at = now()
        WHERE id = $1`,
      [redemptionId, growth]
    )
  }

  /** Undoes a reservation's raise at completion (workflow compensation): the completion failed. */
  @InjectTransactionManager()
  async lowerReservation(
    input: { redemption_id: string; by: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgTransaction(context, async (client) => {
      const { rows } = await client.query(
        `UPDATE marketing_promotion_redemption
            SET estimated_discount = estimated_discount - $2::numeric,
                raw_estimated_discount = ${raw("estimated_discount - $2::numeric")}, updated_at = now()
          WHERE id = $1 AND status = 'reserved' AND deleted_at IS NULL
          RETURNING promotion_id`,
        [input.redemption_id, input.by]
      )
      if (!rows.length) return
      await client.query(
        `UPDATE marketing_promotion
            SET spent_amount = spent_amount - $2::numeric, raw_spent_amount = ${raw("spent_amount - $2::numeric")},
                updated_at = now()
          WHERE id = $1`,
        [rows[0].promotion_id, input.by]
      )
    })
  }

  private async exhaustedReason(client: PgClient, request: ReservationRequest) {
    const { rows } = await client.query(
      `SELECT usage_limit IS NOT NULL AND used_count >= usage_limit AS at_limit FROM marketing_promotion WHERE id = $1`,
      [request.promotion_id]
    )
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
      giveBack(
        client,
        `status = 'reserved' AND cart_id = ANY($1::text[])
           AND ($2::text[] IS NULL OR promotion_id = ANY($2::text[])) AND ($3::text[] IS NULL OR code = ANY($3::text[]))
           AND ($4::text[] IS NULL OR NOT (code = ANY($4::text[])))`,
        [input.cart_ids, input.promotion_ids ?? null, input.codes ?? null, input.keep_codes ?? null],
        input.reason
      )
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
    const { rows } = await pgStatement<{ cart_id: string }>(
      context,
      `SELECT DISTINCT cart_id FROM (
         SELECT cart_id FROM marketing_promotion_redemption
          WHERE status = 'reserved' AND deleted_at IS NULL AND reserved_at < $1 AND cart_id NOT LIKE 'order\\_%'
          ORDER BY reserved_at LIMIT $2) oldest`,
      [before, limit]
    )
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
      const done = await client.query(
        `SELECT 1 FROM marketing_promotion_redemption WHERE order_id = $1 AND deleted_at IS NULL LIMIT 1`,
        [input.order_id]
      )
      if (done.rowCount) return []
      const amounts = [input.discounts.map((d) => d.promotion_id), input.discounts.map((d) => d.discount_amount)]
      const held = await client.query(
        `UPDATE marketing_promotion_redemption r
            SET status = 'redeemed', order_id = $2, redeemed_at = now(), updated_at = now(),
                discount_amount = coalesce(d.amount, 0), raw_discount_amount = ${raw("coalesce(d.amount, 0)")}
           FROM marketing_promotion_redemption reserved
           LEFT JOIN unnest($3::text[], $4::numeric[]) AS d(promotion_id, amount) ON d.promotion_id = reserved.promotion_id
          WHERE reserved.id = r.id AND r.cart_id = $1 AND r.status = 'reserved' AND r.deleted_at IS NULL
          RETURNING r.id, r.promotion_id, r.code_id, r.discount_amount - r.estimated_discount AS correction`,
        [input.cart_id, input.order_id, ...amounts]
      )
      const heldIds = new Set(held.rows.map((r) => r.promotion_id))
      const unheld = input.discounts.filter((d) => !heldIds.has(d.promotion_id))
      const entered = await client.query(
        `INSERT INTO marketing_promotion_redemption
           (id, promotion_id, status, code, cart_id, customer_id, campaign_id, currency_code, estimated_discount,
            raw_estimated_discount, discount_amount, raw_discount_amount, order_id, reserved_at, redeemed_at,
            created_at, updated_at)
         SELECT 'mpred_' || replace(gen_random_uuid()::text, '-', ''), p.id, 'redeemed', d.code, $1, $2, p.campaign_id, $3,
                d.amount, ${raw("d.amount")}, d.amount, ${raw("d.amount")}, $4, now(), now(), now(), now()
           FROM unnest($5::text[], $6::numeric[], $7::text[]) AS d(promotion_id, amount, code)
           JOIN marketing_promotion p ON p.id = d.promotion_id
         RETURNING id, promotion_id`,
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
        `UPDATE marketing_promotion p
            SET redeemed_count = redeemed_count + n.count,
                spent_amount = spent_amount + n.correction, raw_spent_amount = ${raw("spent_amount + n.correction")},
                updated_at = now()
           FROM (SELECT promotion_id, count(*) AS count, sum(correction) AS correction
                   FROM unnest($1::text[], $2::numeric[]) AS u(promotion_id, correction) GROUP BY promotion_id) n
          WHERE p.id = n.promotion_id`,
        [
          [...held.rows, ...entered.rows].map((r) => r.promotion_id),
          [...held.rows.map((r) => Number(r.correction)), ...entered.rows.map(() => 0)],
        ]
      )
      await client.query(
        `UPDATE marketing_promotion_code SET status = 'redeemed', order_id = $2, redeemed_at = now(), updated_at = now()
          WHERE id = ANY($1::text[])`,
        [held.rows.map((r) => r.code_id).filter(Boolean), input.order_id]
      )
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
      const released = await giveBack(client, `status = 'redeemed' AND order_id = $1`, [orderId], ReleaseReason.CANCELLED)
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
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('marketing_promotion_code:assign:' || $1))`, [
        input.promotion_id,
      ])
      const { rows } = await client.query(
        `WITH wanted AS (
           SELECT contact_id, row_number() OVER (ORDER BY contact_id) AS n
             FROM (SELECT DISTINCT unnest($2::text[]) AS contact_id) listed
            WHERE NOT EXISTS (
              SELECT 1 FROM marketing_promotion_code held
               WHERE held.promotion_id = $1 AND held.contact_id = listed.contact_id
                 AND held.status <> 'void' AND held.deleted_at IS NULL)
         ), free AS (
           SELECT id FROM marketing_promotion_code
            WHERE promotion_id = $1 AND status = 'available' AND contact_id IS NULL AND deleted_at IS NULL
            ORDER BY id LIMIT (SELECT count(*) FROM wanted)
            FOR UPDATE SKIP LOCKED
         ), paired AS (
           SELECT f.id, w.contact_id
             FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM free) f JOIN wanted w USING (n)
            WHERE (SELECT count(*) FROM free) = (SELECT count(*) FROM wanted)
         ), assigned AS (
           UPDATE marketing_promotion_code c SET contact_id = p.contact_id, updated_at = now()
             FROM paired p WHERE c.id = p.id
           RETURNING c.id
         )
         SELECT (SELECT count(*) FROM wanted) - (SELECT count(*) FROM free) AS missing,
                coalesce((SELECT array_agg(id) FROM assigned), '{}') AS code_ids`,
        [input.promotion_id, input.contact_ids]
      )
      return { code_ids: rows[0].code_ids as string[], missing: Number(rows[0].missing) }
    })
  }

  /** Undoes `assignCodes` (workflow compensation) for the codes not used meanwhile. */
  @InjectManager()
  async unassignCodes(codeIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(
      context,
      `UPDATE marketing_promotion_code SET contact_id = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND status = 'available'`,
      [codeIds]
    )
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
    return updateCodesInPages(context, input.promotion_id, {
      set: "status = 'void', updated_at = $5",
      where: "c.status = 'available' AND ($3::text[] IS NULL OR c.id = ANY($3::text[])) AND ($4::text IS NULL OR c.batch_id = $4)",
      params: [input.code_ids ?? null, input.batch_id ?? null, input.voided_at],
    })
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
    await pgStatement(
      context,
      `UPDATE marketing_promotion_code SET status = 'available', updated_at = now()
        WHERE promotion_id = $1 AND status = 'void' AND updated_at = $2 AND deleted_at IS NULL`,
      [input.promotion_id, input.voided_at]
    )
  }

  /** Withdraws a generation run in one statement: the ORM's soft delete would load every code first. */
  @InjectManager()
  async withdrawCodeBatch(batchId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(
      context,
      `UPDATE marketing_promotion_code SET deleted_at = now(), updated_at = now() WHERE batch_id = $1 AND deleted_at IS NULL`,
      [batchId]
    )
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
    await pgStatement(
      context,
      `UPDATE marketing_promotion SET deleted_at = $2, updated_at = $2 WHERE id = ANY($1::text[]) AND deleted_at IS NULL`,
      [input.ids, input.deleted_at]
    )
    for (const id of input.ids) {
      await updateCodesInPages(context, id, { set: "deleted_at = $3, updated_at = $3", where: "true", params: [input.deleted_at] })
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
    await pgStatement(
      context,
      `WITH codes AS (
         UPDATE marketing_promotion_code SET deleted_at = NULL, updated_at = now()
          WHERE promotion_id = ANY($1::text[]) AND deleted_at = $2
       )
       UPDATE marketing_promotion SET deleted_at = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND deleted_at = $2`,
      [input.ids, input.deleted_at]
    )
  }
}

/**
 * Sets `set` on a promotion's live codes that match `where` (over `c`, parameters from $3), a page at a time in id
 * order, each page committed on its own: one statement over a million codes would hold their locks for as long, and a
 * checkout reaching one of them would wait with its promotion's row locked. The UPDATE checks `where` again, on the
 * current row, for codes changed since the page was read. Returns how many codes changed.
 */
async function updateCodesInPages(
  context: Context<EntityManager>,
  promotionId: string,
  { set, where, params }: { set: string; where: string; params: unknown[] }
): Promise<number> {
  let changed = 0
  for (let after = ""; ; ) {
    const { rows } = await pgStatement<{ last: string | null; changed: string }>(
      context,
      `WITH page AS (
         SELECT c.id FROM marketing_promotion_code c
          WHERE c.promotion_id = $1 AND c.id > $2 AND c.deleted_at IS NULL AND ${where}
          ORDER BY c.id LIMIT ${CODE_PAGE}
       ), changed AS (
         UPDATE marketing_promotion_code c SET ${set}
           FROM page WHERE c.id = page.id AND c.deleted_at IS NULL AND ${where}
         RETURNING 1
       )
       SELECT (SELECT max(id) FROM page) AS last, (SELECT count(*) FROM changed) AS changed`,
      [promotionId, after, ...params]
    )
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
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('marketing_campaign_budget:' || $1))`, [request.campaign_id])
  const { rows } = await client.query(
    `SELECT coalesce(sum(spent_amount), 0) AS spent FROM marketing_promotion WHERE campaign_id = $1 AND deleted_at IS NULL`,
    [request.campaign_id]
  )
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

/** Marks matching ledger rows released, returns their counts and amounts, and frees their codes. */
async function giveBack(
  client: PgClient,
  where: string,
  params: unknown[],
  reason: ReleaseReason
): Promise<ReleasedReservation[]> {
  const { rows } = await client.query(
    `UPDATE marketing_promotion_redemption
        SET status = 'released', released_at = now(), release_reason = '${reason}', updated_at = now()
      WHERE deleted_at IS NULL AND ${where}
      RETURNING id, promotion_id, cart_id, code_id, code, coalesce(discount_amount, estimated_discount) AS counted`,
    params
  )
  await adjustCounters(
    client,
    rows.map((r) => ({ promotion_id: r.promotion_id, estimated_discount: r.counted })),
    -1
  )
  await client.query(
    `UPDATE marketing_promotion_code
        SET status = 'available', cart_id = NULL, order_id = NULL, reserved_at = NULL, redeemed_at = NULL, updated_at = now()
      WHERE id = ANY($1::text[])`,
    [rows.map((r) => r.code_id).filter(Boolean)]
  )
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
    `UPDATE marketing_promotion p
        SET used_count = used_count + $3::int * n.count,
            spent_amount = spent_amount + $3::int * n.amount, raw_spent_amount = ${raw("spent_amount + $3::int * n.amount")},
            updated_at = now()
       FROM (SELECT promotion_id, count(*) AS count, sum(amount) AS amount
               FROM unnest($1::text[], $2::numeric[]) AS u(promotion_id, amount) GROUP BY promotion_id) n
      WHERE p.id = n.promotion_id`,
    [rows.map((r) => r.promotion_id), rows.map((r) => Number(r.estimated_discount)), direction]
  )
}

/**
 * Puts released ledger rows back as they were (reserved, or redeemed), with the counters and the codes
 * they held: what a failed workflow's compensation needs.
 */
async function reinstate(client: PgClient, redemptionIds: string[], status: RedemptionStatus) {
  const { rows } = await client.query(
    `UPDATE marketing_promotion_redemption
        SET status = $2, released_at = NULL, release_reason = NULL, updated_at = now()
      WHERE id = ANY($1::text[]) AND status = 'released'
      RETURNING promotion_id, code_id, cart_id, order_id, coalesce(discount_amount, estimated_discount) AS counted`,
    [redemptionIds, status]
  )
  await adjustCounters(client, rows.map((r) => ({ promotion_id: r.promotion_id, estimated_discount: r.counted })), +1)
  if (status === RedemptionStatus.REDEEMED) {
    await countRedeemed(client, rows.map((r) => r.promotion_id), +1)
  }
  const coded = rows.filter((r) => r.code_id)
  await client.query(
    `UPDATE marketing_promotion_code c
        SET status = $4, cart_id = r.cart_id, order_id = r.order_id, reserved_at = now(),
            redeemed_at = CASE WHEN $4 = 'redeemed' THEN now() END, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code_id, cart_id, order_id) WHERE c.id = r.code_id`,
    [coded.map((r) => r.code_id), coded.map((r) => r.cart_id), coded.map((r) => r.order_id), status]
  )
}

/** Moves promotions' redeemed counts by one per listed id (an id may repeat). */
async function countRedeemed(client: PgClient, promotionIds: string[], direction: 1 | -1) {
  await client.query(
    `UPDATE marketing_promotion p SET redeemed_count = redeemed_count + $2::int * n.count, updated_at = now()
       FROM (SELECT promotion_id, count(*) AS count FROM unnest($1::text[]) AS promotion_id GROUP BY promotion_id) n
      WHERE p.id = n.promotion_id`,
    [promotionIds, direction]
  )
}
