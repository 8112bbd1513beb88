import { bigNumberRaw, newId } from "../../lib/sql-columns"
import { CampaignChannel } from "../../types/campaign/module"

/*
 * The audience module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders. A segment's condition comes compiled
 * (`where` over `marketing_contact c`, taking its own parameters $1-$n): statements that read one are
 * functions of it and of n, and their own parameters follow from $n+1.
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

export const LOCK_CONTACT_METADATA = `SELECT metadata FROM marketing_contact WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`

export const SET_CONTACT_METADATA = `UPDATE marketing_contact SET metadata = $2::jsonb, updated_at = now() WHERE id = $1`

/** Contacts' ($1) order aggregates from their purchases; money only in currency $2. */
export const REFRESH_CONTACT_AGGREGATES = `UPDATE marketing_contact c
    SET orders_count = a.orders_count,
        total_spent = a.total_spent,
        raw_total_spent = ${bigNumberRaw("a.total_spent")},
        first_order_at = a.first_order_at,
        last_order_at = a.last_order_at,
        updated_at = now()
   FROM (SELECT c2.id,
                count(DISTINCT p.order_id)::int AS orders_count,
                COALESCE(sum(p.amount) FILTER (WHERE p.currency_code = $2), 0) AS total_spent,
                min(p.purchased_at) AS first_order_at,
                max(p.purchased_at) AS last_order_at
           FROM marketing_contact c2
           LEFT JOIN marketing_purchase p ON p.contact_id = c2.id AND p.deleted_at IS NULL
          WHERE c2.id = ANY($1)
          GROUP BY c2.id) a
  WHERE c.id = a.id`

/**
 * Subscribes contact $1 on channel $2 (whose consent is the column `consent`) if the consent record $3 is still
 * the open request, and records it as consent record $4 with ip $5 and user agent $6; returns the record's id.
 */
export const confirmPendingConsent = (consent: string) => `WITH confirmed AS (
    UPDATE marketing_contact c SET ${consent} = 'subscribed', updated_at = now()
     WHERE c.id = $1 AND c.deleted_at IS NULL AND c.${consent} = 'pending'
       AND EXISTS (
         SELECT 1 FROM marketing_consent_record r
          WHERE r.id = $3 AND r.contact_id = c.id AND r.channel = $2 AND r.status = 'pending' AND r.deleted_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM marketing_consent_record later
               WHERE later.contact_id = c.id AND later.channel = $2 AND later.deleted_at IS NULL
                 AND later.status <> 'pending' AND later.created_at > r.created_at))
     RETURNING c.id)
  INSERT INTO marketing_consent_record (id, contact_id, channel, status, source, ip, user_agent)
  SELECT $4, id, $2, 'subscribed', 'double_opt_in', $5, $6 FROM confirmed
  RETURNING id`

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
export const countReachableContacts = (where: string, parameters: number, channel: CampaignChannel) => {
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

/** The columns `fields` of contacts $1, erased ones included. */
export const contactFields = (fields: readonly string[]) =>
  `SELECT ${fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(", ")} FROM marketing_contact WHERE id = ANY($1::text[])`

export const CLAIM_CONTACT_IMPORT = `UPDATE marketing_contact_import SET status = 'processing', started_at = now(), updated_at = now()
  WHERE id = $1 AND status = 'pending' AND deleted_at IS NULL`

/** $2-$8 what changed (null: unchanged), written only while import $1 is still processing. */
export const RECORD_RUNNING_CONTACT_IMPORT = `UPDATE marketing_contact_import
    SET processed_rows = COALESCE($2, processed_rows), created_count = COALESCE($3, created_count),
        updated_count = COALESCE($4, updated_count), rejected_count = COALESCE($5, rejected_count),
        problems = COALESCE($6::jsonb, problems), status = COALESCE($7::text, status), error = COALESCE($8, error),
        finished_at = CASE WHEN $7::text IS NULL THEN finished_at ELSE now() END, updated_at = now()
  WHERE id = $1 AND status = 'processing' AND deleted_at IS NULL`

/** Imports not moved since $1 fail with reason $2; returns them with the status they had. */
export const FAIL_STALLED_CONTACT_IMPORTS = `UPDATE marketing_contact_import i SET status = 'failed', error = $2, finished_at = now(), updated_at = now()
   FROM marketing_contact_import was
  WHERE was.id = i.id AND i.status IN ('pending', 'processing') AND i.updated_at < $1 AND i.deleted_at IS NULL
  RETURNING i.id, was.status`
