import { newId } from "../../../lib/sql-columns"
import { CampaignChannel } from "../../../types/campaign/module"

/*
 * The audience module's SQL over segments (previews, static snapshots and members, who matches, who is reachable),
 * run by lib/segments.ts through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders. A segment's
 * condition comes compiled (`where` over `marketing_contact c`, taking its own parameters $1-$n): statements that
 * read one are functions of it and of n, and their own parameters follow from $n+1.
 */

/** Where a contact's address on a channel is, and whether it consented to it. */
const REACH: Record<CampaignChannel, { address: string; consent: string }> = {
  email: { address: "c.email", consent: "c.email_consent = 'subscribed'" },
  sms: { address: "c.phone", consent: "c.sms_consent = 'subscribed'" },
  push: { address: "c.customer_id", consent: "true" },
}

/** Contact `c` can be messaged on the channel: not erased, an address, consent, the address not suppressed (`channelParam` names the channel). */
const reachableOn = (channel: CampaignChannel, channelParam: string) => {
  const { address, consent } = REACH[channel]
  return `c.deleted_at IS NULL AND ${address} IS NOT NULL AND ${consent}
              AND NOT EXISTS (
                SELECT 1 FROM marketing_suppression s
                 WHERE s.deleted_at IS NULL AND s.channel = ${channelParam}
                   AND s.address IN (lower(${address}), 'sha256:' || encode(sha256(convert_to(lower(${address}), 'UTF8')), 'hex')))`
}

const matching = (where: string) => `FROM marketing_contact c WHERE c.deleted_at IS NULL AND (${where})`

export const SHOW_STATEMENT_TIMEOUT = "SHOW statement_timeout"

export const limitStatementTime = (ms: number) => `SET LOCAL statement_timeout = ${ms}`

/** Puts back a statement timeout ($1) read with SHOW_STATEMENT_TIMEOUT, for the rest of the transaction. */
export const RESTORE_STATEMENT_TIMEOUT = "SELECT set_config('statement_timeout', $1, true)"

export const countMatchingContacts = (where: string) => `SELECT count(*)::int AS count ${matching(where)}`

/** The newest `size` contacts matching, with `fields`. */
export const sampleMatchingContacts = (where: string, fields: readonly string[], size: number) =>
  `SELECT ${fields.map((f) => `c.${f}`).join(", ")} ${matching(where)} ORDER BY c.created_at DESC, c.id LIMIT ${Number(size)}`

export const CLEAR_SEGMENT_MEMBERS = `DELETE FROM marketing_segment_member WHERE segment_id = $1`

/** Makes the contacts matching members of segment $n+1. */
export const snapshotSegmentMembers = (where: string, parameters: number) => `INSERT INTO marketing_segment_member (id, segment_id, contact_id)
  SELECT ${newId("msgm")}, $${parameters + 1}, c.id
  FROM marketing_contact c WHERE c.deleted_at IS NULL AND (${where})`

/** $1 count, $2 segment. */
export const SET_SEGMENT_MEMBER_COUNT = `UPDATE marketing_segment SET member_count = $1, counted_at = now(), updated_at = now() WHERE id = $2`

/** An erased contact is never added. */
export const ADD_SEGMENT_MEMBERS = `INSERT INTO marketing_segment_member (id, segment_id, contact_id)
  SELECT ${newId("msgm")}, $1, c.id
    FROM marketing_contact c WHERE c.id = ANY($2::text[]) AND c.deleted_at IS NULL
  ON CONFLICT (segment_id, contact_id) WHERE deleted_at IS NULL DO NOTHING
  RETURNING contact_id`

export const REMOVE_SEGMENT_MEMBERS = `DELETE FROM marketing_segment_member WHERE segment_id = $1 AND contact_id = ANY($2::text[]) RETURNING contact_id`

export const RECOUNT_SEGMENT_MEMBERS = `UPDATE marketing_segment SET counted_at = now(), updated_at = now(),
        member_count = (SELECT count(*) FROM marketing_segment_member WHERE segment_id = $1 AND deleted_at IS NULL)
  WHERE id = $1`

/** The native customers matching, each with whether it matches; only contacts $n+1 when `scoped`, else only those matching. */
export const customersOfSegment = (where: string, parameters: number, scoped: boolean) => `SELECT c.customer_id, COALESCE((${where}), false) AS matches
   FROM marketing_contact c
  WHERE c.deleted_at IS NULL AND c.customer_id IS NOT NULL
    AND ${scoped ? `c.id = ANY($${parameters + 1})` : `(${where})`}`

/** A page of `limit` reachable contacts on `channel` ($n+1) in id order after $n+2 (or from the start when null). */
export const reachableContactsPage = (where: string, parameters: number, channel: CampaignChannel, limit: number) => {
  const n = parameters
  return `SELECT c.id, ${REACH[channel].address} AS address, c.timezone
     FROM marketing_contact c
    WHERE ${reachableOn(channel, `$${n + 1}`)}
      AND ($${n + 2}::text IS NULL OR c.id > $${n + 2})
      AND (${where})
    ORDER BY c.id
    LIMIT ${Number(limit)}`
}

/** How many contacts are reachable on `channel` ($n+1), leaving out contacts $n+2. */
export const reachableContactsCount = (where: string, parameters: number, channel: CampaignChannel) => {
  const n = parameters
  return `SELECT count(*)::int AS count
     FROM marketing_contact c
    WHERE ${reachableOn(channel, `$${n + 1}`)}
      AND NOT (c.id = ANY($${n + 2}::text[]))
      AND (${where})`
}

/** Which of the contacts $n+1 match (erased ones never). */
export const matchingAmongContacts = (where: string, parameters: number) =>
  `SELECT c.id FROM marketing_contact c WHERE c.id = ANY($${parameters + 1}::text[]) AND c.deleted_at IS NULL AND (${where})`

/** Whether contact $n+1 matches. */
export const contactMatches = (where: string, parameters: number) =>
  `SELECT 1 FROM marketing_contact c WHERE c.id = $${parameters + 1} AND c.deleted_at IS NULL AND (${where})`
