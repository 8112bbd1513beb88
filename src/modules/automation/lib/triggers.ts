import { pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import {
  ADD_JOURNEY_SEGMENT_MEMBERS,
  CLEAR_JOURNEY_SEGMENT_MEMBERS,
  FORGET_UNENROLLED_JOURNEY_CARTS,
  IDLE_CARTS,
  MESSAGE_EVENT_CONTACTS,
  MOVE_TRIGGER_CURSOR,
  RECORD_CART_ACTIVITY,
  RECORD_JOURNEY_CARTS,
  refreshJourneySegmentMembers,
  REMOVE_JOURNEY_SEGMENT_MEMBERS,
  selectContactsDueOnDate,
} from "../statements/triggers"

/*
 * What starts journeys: a segment-triggered journey's copy of its segment, where each trigger has read up to, carts'
 * activity and the idle carts a journey has not dealt with, contacts whose message had an event, contacts whose date
 * has come. The service's methods of the same names run these in their context; what becomes of the enrollments
 * they start is enrollments.ts's.
 */

/** Which contacts' date falls in a window (see contactsDueOnDate). */
export interface DueOnDateQuery {
  date: { field: string; offset_days: number } | { fixed: string }
  time_of_day: string
  from: Date
  to: Date
  store_timezone: string
}

/**
 * Brings a segment-triggered journey's copy of its segment's members up to date with the segment's
 * condition evaluated now (`where` reads `marketing_contact c`), for `contactIds` only or, with
 * null, for everyone; returns who entered and who left. The unique index and the delete's
 * RETURNING make two refreshes at once report each change once.
 */
export async function refreshSegmentMembers(
  context: SqlContext,
  { journey_id, where, params, contact_ids }: { journey_id: string; where: string; params: unknown[]; contact_ids: string[] | null }
): Promise<{ entered: string[]; left: string[] }> {
  const { rows } = await pgStatement<{ change: string; contact_id: string }>(
    context,
    refreshJourneySegmentMembers(where, params.length, contact_ids !== null),
    [...params, journey_id, ...(contact_ids ? [contact_ids] : [])]
  )
  const of = (change: string) => rows.filter((row) => row.change === change).map((row) => row.contact_id)
  return { entered: of("entered"), left: of("left") }
}

/** Undoes a refresh of a journey's copy of its segment: who entered is taken out, who left put back. */
export async function putBackSegmentMembers(
  context: SqlContext,
  { journey_id, entered, left }: { journey_id: string; entered: string[]; left: string[] }
): Promise<void> {
  await pgTransaction(context, async (client) => {
    await client.query(REMOVE_JOURNEY_SEGMENT_MEMBERS, [journey_id, entered])
    await client.query(ADD_JOURNEY_SEGMENT_MEMBERS, [journey_id, left])
  })
}

/** Forgets a journey's copy of its segment (its trigger moved to another segment, or to another kind). */
export async function clearSegmentMembers(context: SqlContext, journeyId: string): Promise<void> {
  await pgStatement(context, CLEAR_JOURNEY_SEGMENT_MEMBERS, [journeyId])
}

/** Where a journey's trigger has looked up to, as a row (created empty on first use). */
export async function moveTriggerCursor(
  context: SqlContext,
  journeyId: string,
  position: { segment_id?: string | null; position_at?: Date | null; position_id?: string | null }
): Promise<void> {
  await pgStatement(context, MOVE_TRIGGER_CURSOR, [
    journeyId,
    position.segment_id ?? null,
    position.position_at ?? null,
    position.position_id ?? null,
  ])
}

/**
 * Carts that changed: their last change is now, and what a journey decided about them while they
 * did not qualify (no email yet, no items, an entry refused) is forgotten, so that they are looked
 * at again when idle. A cart that enrolled keeps its row: it enrols at most once.
 */
export async function recordCartActivity(context: SqlContext, cartIds: string[]): Promise<void> {
  if (!cartIds.length) return
  await pgTransaction(context, async (client) => {
    await client.query(RECORD_CART_ACTIVITY, [cartIds])
    await client.query(FORGET_UNENROLLED_JOURNEY_CARTS, [cartIds])
  })
}

/**
 * Up to `limit` carts idle for `idleMinutes` (but not for a week more: older ones are left alone)
 * that this journey has not dealt with: one range scan of the activity index, each candidate
 * checked against the journey's carts by their unique index.
 */
export async function idleCarts(
  context: SqlContext,
  { journey_id, idle_minutes, limit }: { journey_id: string; idle_minutes: number; limit: number }
): Promise<string[]> {
  const { rows } = await pgStatement<{ cart_id: string }>(context, IDLE_CARTS, [journey_id, idle_minutes, limit])
  return rows.map((row) => row.cart_id)
}

/** What a journey decided about idle carts; a cart already recorded keeps its first decision. */
export async function recordJourneyCarts(
  context: SqlContext,
  rows: { journey_id: string; cart_id: string; enrollment_id: string | null }[]
): Promise<void> {
  if (!rows.length) return
  await pgStatement(context, RECORD_JOURNEY_CARTS, [rows.map((r) => r.journey_id), rows.map((r) => r.cart_id), rows.map((r) => r.enrollment_id)])
}

/**
 * The next `limit` message events recorded after `after` (in (created_at, id) order, and a few
 * seconds old, so that a batch still committing is not skipped) and the contacts whose message had
 * one of `type` (of `campaignId`'s messages when given; machine opens and clicks left out). Returns
 * the position of the last event read, matching or not, for the cursor.
 */
export async function messageEventContacts(
  context: SqlContext,
  { after, type, campaign_id, limit }: { after: { at: Date; id: string }; type: string; campaign_id: string | null; limit: number }
): Promise<{ contact_ids: string[]; position: { at: Date; id: string } }> {
  const { rows } = await pgStatement<{ id: string; created_at: Date; contact_id: string; matches: boolean }>(
    context,
    MESSAGE_EVENT_CONTACTS,
    [after.at, after.id, type, campaign_id, limit]
  )
  const last = rows[rows.length - 1]
  return {
    contact_ids: [...new Set(rows.filter((row) => row.matches).map((row) => row.contact_id))],
    position: last ? { at: last.created_at, id: last.id } : after,
  }
}

/**
 * The contacts whose date falls in [from, to): `offset_days` after (before, when negative) the
 * contact's `field`, or a fixed date, at `time_of_day` in the contact's timezone (the store's when
 * it has none, or one PostgreSQL does not know). Each with that moment, when its journey starts.
 */
export async function contactsDueOnDate(context: SqlContext, query: DueOnDateQuery): Promise<{ contact_id: string; at: Date }[]> {
  const { statement, params } = selectContactsDueOnDate(query.date)
  const { rows } = await pgStatement(context, statement, [query.from, query.to, query.store_timezone, query.time_of_day, ...params])
  return rows
}
