import { pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { CodePattern } from "./code-pattern"
import {
  ANALYZE_CODES,
  ASSIGN_FREE_CODES,
  CODES_OF_PROMOTION_AFTER,
  CODE_BATCHES_OF_PROMOTION,
  CODE_PAGE,
  LOCK_CODE_ASSIGNMENT,
  OWN_CODES_OF_CONTACTS,
  REINSTATE_WITHDRAWN_PROMOTIONS,
  UNASSIGN_AVAILABLE_CODES,
  UNVOID_CODES_VOIDED_AT,
  VOID_AVAILABLE_CODES_PAGE,
  WITHDRAW_CODES_PAGE,
  WITHDRAW_CODE_BATCH,
  WITHDRAW_PROMOTIONS,
  insertGeneratedCodes,
} from "../statements/codes"

/*
 * A promotion's codes: generated in bulk, read a page at a time, given to contacts, voided and withdrawn. The
 * service's methods of the same names run these in their context; what codes are held or redeemed is the ledger's
 * (ledger.ts).
 */

/** Codes generated at once past which the table's statistics are refreshed (see generateCodes). */
const ANALYZE_AFTER_CODES = 10_000

/**
 * Inserts `count` new unique codes of a pattern, set-based. Random characters come from
 * gen_random_uuid's bytes; a code that already exists is skipped by the unique index and made up
 * for in the next round, so the count is exact and no code is ever issued twice.
 */
export async function generateCodes(
  context: SqlContext,
  input: { promotion_id: string; batch_id: string; count: number; pattern: CodePattern }
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
export async function codesAfter(
  context: SqlContext,
  input: { promotion_id: string; batch_id?: string; after: string | null; limit: number }
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
  }>(context, CODES_OF_PROMOTION_AFTER, [input.promotion_id, input.batch_id ?? null, input.after, input.limit])
  return rows
}

/**
 * A promotion's generation runs, oldest first, with how many codes each made, how many of them are still
 * available, given to a contact, and free to give (available, nobody's): batches have no row of their own,
 * their codes carry them.
 */
export async function codeBatches(context: SqlContext, promotionId: string) {
  const { rows } = await pgStatement<{
    batch_id: string
    created_at: Date
    count: string
    available: string
    assigned: string
    unassigned: string
  }>(context, CODE_BATCHES_OF_PROMOTION, [promotionId])
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
export async function codesForContacts(
  context: SqlContext,
  input: { campaign_ids: string[]; contact_ids: string[] }
): Promise<{ campaign_id: string; contact_id: string; code: string }[]> {
  if (!input.campaign_ids.length || !input.contact_ids.length) return []
  const { rows } = await pgStatement<{ campaign_id: string; contact_id: string; code: string }>(
    context,
    OWN_CODES_OF_CONTACTS,
    [input.campaign_ids, input.contact_ids]
  )
  return rows
}

/**
 * Gives each listed contact that holds no code of this promotion yet (void ones aside) one available,
 * unassigned code: all of them or, when codes are short, none, with how many are missing. The
 * assignments of one promotion queue on an advisory lock taken before the statement's snapshot, so
 * that two at once cannot both find a contact without a code. Runs in a transaction.
 */
export function assignCodes(
  context: SqlContext,
  input: { promotion_id: string; contact_ids: string[] }
): Promise<{ code_ids: string[]; missing: number }> {
  return pgTransaction(context, async (client) => {
    await client.query(LOCK_CODE_ASSIGNMENT, [input.promotion_id])
    const { rows } = await client.query(ASSIGN_FREE_CODES, [input.promotion_id, input.contact_ids])
    return { code_ids: rows[0].code_ids as string[], missing: Number(rows[0].missing) }
  })
}

/** Undoes `assignCodes` (workflow compensation) for the codes not used meanwhile. */
export async function unassignCodes(context: SqlContext, codeIds: string[]): Promise<void> {
  await pgStatement(context, UNASSIGN_AVAILABLE_CODES, [codeIds])
}

/**
 * Voids a promotion's available codes, listed or of a batch; reserved and redeemed codes are in use and stay.
 * The voided codes keep `voided_at` as their updated_at, which is how unvoidCodes finds them again.
 */
export function voidCodes(
  context: SqlContext,
  input: { promotion_id: string; code_ids?: string[]; batch_id?: string; voided_at: Date }
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
export async function unvoidCodes(context: SqlContext, input: { promotion_id: string; voided_at: Date }): Promise<void> {
  await pgStatement(context, UNVOID_CODES_VOIDED_AT, [input.promotion_id, input.voided_at])
}

/** Withdraws a generation run in one statement: the ORM's soft delete would load every code first. */
export async function withdrawCodeBatch(context: SqlContext, batchId: string): Promise<void> {
  await pgStatement(context, WITHDRAW_CODE_BATCH, [batchId])
}

/**
 * Soft-deletes promotions and their codes, all with `deleted_at` as their mark. Not the ORM's soft delete:
 * its cascade loads every code, and a million codes overflow the stack.
 */
export async function withdrawPromotions(context: SqlContext, input: { ids: string[]; deleted_at: Date }): Promise<void> {
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
export async function reinstateWithdrawnPromotions(
  context: SqlContext,
  input: { ids: string[]; deleted_at: Date }
): Promise<void> {
  await pgStatement(context, REINSTATE_WITHDRAWN_PROMOTIONS, [input.ids, input.deleted_at])
}

/**
 * Runs a paged statement over a promotion's codes (see codesPage in statements/codes.ts) a page at a time in id
 * order, each page committed on its own: one statement over a million codes would hold their locks for as long, and
 * a checkout reaching one of them would wait with its promotion's row locked. Returns how many codes changed.
 */
async function updateCodesInPages(
  context: SqlContext,
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
