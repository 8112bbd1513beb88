import { pgConnection, pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { CampaignChannel } from "../../../types/campaign/module"
import { CompiledSegment } from "./segment-dsl/compile"
import {
  ADD_SEGMENT_MEMBERS,
  CLEAR_SEGMENT_MEMBERS,
  contactMatches,
  countMatchingContacts,
  customersOfSegment,
  limitStatementTime,
  matchingAmongContacts,
  reachableContactsCount,
  reachableContactsPage,
  RECOUNT_SEGMENT_MEMBERS,
  REMOVE_SEGMENT_MEMBERS,
  RESTORE_STATEMENT_TIMEOUT,
  sampleMatchingContacts,
  SET_SEGMENT_MEMBER_COUNT,
  SHOW_STATEMENT_TIMEOUT,
  snapshotSegmentMembers,
} from "../statements/segments"

/*
 * Segments evaluated in the database: a compiled condition (segment-dsl/) previewed, snapshotted into a static
 * segment's members, matched against contacts and customers, and paged through as a channel's reachable contacts.
 * The service's methods of the same names run these in their context, and compile the segments they are given.
 */

/** A compiled segment's condition over `marketing_contact c`, with its parameters. */
export type SegmentCondition = Pick<CompiledSegment, "where" | "params">

/** A preview answers as the user types: a query that takes longer is cut off. */
const PREVIEW_TIMEOUT_MS = 5_000

export const SAMPLE_FIELDS = [
  "id",
  "email",
  "phone",
  "first_name",
  "last_name",
  "country_code",
  "orders_count",
  "total_spent",
  "last_order_at",
] as const

/** How many contacts a compiled segment matches, and a sample of them (newest first). */
export function previewSegment(context: SqlContext, { where, params }: SegmentCondition, sampleSize: number) {
  return pgTransaction(context, async (client) => {
    const { rows: [{ statement_timeout }] } = await client.query(SHOW_STATEMENT_TIMEOUT)
    await client.query(limitStatementTime(PREVIEW_TIMEOUT_MS))
    const { rows: [{ count }] } = await client.query(countMatchingContacts(where), params)
    const { rows: sample } = await client.query(sampleMatchingContacts(where, SAMPLE_FIELDS, sampleSize), params)
    // The cut-off is the preview's own: a caller's transaction goes on with its timeout.
    await client.query(RESTORE_STATEMENT_TIMEOUT, [statement_timeout])
    return { count: count as number, sample: sample.map((row) => ({ ...row, total_spent: Number(row.total_spent) })) }
  })
}

/**
 * Replaces a static segment's members with the contacts the segment matches now, and records
 * their number, in one transaction: the snapshot is whole or not taken.
 */
export function snapshotSegment(context: SqlContext, segmentId: string, { where, params }: SegmentCondition): Promise<number> {
  return pgTransaction(context, async (client) => {
    await client.query(CLEAR_SEGMENT_MEMBERS, [segmentId])
    const { rowCount } = await client.query(snapshotSegmentMembers(where, params.length), [...params, segmentId])
    await client.query(SET_SEGMENT_MEMBER_COUNT, [rowCount, segmentId])
    return rowCount
  })
}

/**
 * Adds contacts to, or removes them from, a static segment's members, and recounts them. Returns
 * the contacts whose membership changed (an erased contact is never added), for compensation.
 */
export function changeSegmentMembers(
  context: SqlContext,
  { segment_id, contact_ids, operation }: { segment_id: string; contact_ids: string[]; operation: "add" | "remove" }
): Promise<string[]> {
  return pgTransaction(context, async (client) => {
    const { rows } =
      operation === "add"
        ? await client.query(ADD_SEGMENT_MEMBERS, [segment_id, contact_ids])
        : await client.query(REMOVE_SEGMENT_MEMBERS, [segment_id, contact_ids])
    if (rows.length) {
      await client.query(RECOUNT_SEGMENT_MEMBERS, [segment_id])
    }
    return rows.map((row) => row.contact_id as string)
  })
}

/**
 * The native customers a compiled segment matches. With `contactIds`, only those contacts'
 * customers are evaluated and each comes back with whether it matches, so that a caller can
 * also see who left; without, every matching customer.
 */
export async function customersMatchingSegment(
  context: SqlContext,
  { where, params }: SegmentCondition,
  contactIds: string[] | null
): Promise<{ customer_id: string; matches: boolean }[]> {
  const scoped = contactIds !== null
  const { rows } = await pgStatement(context, customersOfSegment(where, params.length, scoped), scoped ? [...params, contactIds] : params)
  return rows
}

/**
 * One page of a segment's reachable contacts on a channel, in id order after `afterId`: those
 * with an address and consent, and whose address is not suppressed (erased contacts leave
 * theirs behind as a hash, which still matches). Push goes to customers, addressed by id.
 */
export async function reachableContacts(
  context: SqlContext,
  { where, params }: SegmentCondition,
  channel: CampaignChannel,
  { afterId, limit }: { afterId: string | null; limit: number }
): Promise<{ id: string; address: string; timezone: string | null }[]> {
  const { rows } = await pgStatement(context, reachableContactsPage(where, params.length, channel, limit), [...params, channel, afterId])
  return rows
}

/** How many of a segment's contacts are reachable on a channel (as reachableContacts reads them), leaving out `excludedIds`. */
export async function countReachableContacts(
  context: SqlContext,
  { where, params }: SegmentCondition,
  channel: CampaignChannel,
  excludedIds: string[]
): Promise<number> {
  const { rows } = await pgStatement(context, reachableContactsCount(where, params.length, channel), [...params, channel, excludedIds])
  return rows[0].count
}

/** Which of these contacts a compiled condition matches now (erased ones never). */
export async function contactsMatching(context: SqlContext, { where, params }: SegmentCondition, contactIds: string[]): Promise<string[]> {
  if (!contactIds.length) return []
  const { rows } = await pgStatement<{ id: string }>(context, matchingAmongContacts(where, params.length), [...params, contactIds])
  return rows.map((row) => row.id)
}

/** Of these segments, each with its compiled condition (null: it no longer compiles, so contains no one), those the contact is in now. */
export function segmentsContaining<S>(
  context: SqlContext,
  contactId: string,
  segments: { segment: S; condition: SegmentCondition | null }[]
): Promise<S[]> {
  return pgConnection(context, async (client) => {
    const containing: S[] = []
    for (const { segment, condition } of segments) {
      if (!condition) continue
      const { rowCount } = await client.query(contactMatches(condition.where, condition.params.length), [...condition.params, contactId])
      if (rowCount) containing.push(segment)
    }
    return containing
  })
}
