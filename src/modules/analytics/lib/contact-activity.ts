import { MedusaError } from "@medusajs/framework/utils"
import type { PgClient } from "../../../lib/pg-transaction"
import type {
  ContactActivityCursor,
  ContactActivityItem,
  ContactActivityKind,
  ContactActivityPage,
} from "../../../types/analytics/contact-activity"
import { ConsentChannel } from "../../../types/audience/module"
import { MessageChannel } from "../../../types/messaging"

/*
 * A contact's timeline: what the messaging, audience, promotion and automation modules recorded about
 * them, merged newest first and paged by a cursor (the last item's time and id), never an offset.
 *
 * Each kind is read as its own branch, newest first, at most a page of it, through an index that
 * starts with the contact (or, for ended enrollments, with a journey and then the contact); the merge then
 * keeps a page of all of them. So a page reads a few pages' worth of index entries however long the
 * contact's history: no branch sorts or counts all of it, and no new index slows the writers
 * (messages and enrollments are written by the million). Messages and consents are read one channel
 * at a time, the order of their (contact_id, channel, created_at) indexes; redemptions through the
 * contact's orders (a redeemed promotion always has its order), whose lines are indexed by contact.
 */

/** Engagements shown per message: a message forwarded around may be opened hundreds of times. */
const ENGAGEMENTS_PER_MESSAGE = 10
/** Steps shown per enrollment, the newest. */
const STEPS_PER_ENROLLMENT = 20

/** `before` in the branches: strictly older than the cursor, the id breaking ties of one time. */
const before = (at: string, id: string) => `${at} <= $2::timestamptz AND (${at} < $2::timestamptz OR ${id} < $3)`

const branch = (sql: string, at: string, id: string) => `(${sql} AND ${before(at, id)} ORDER BY ${at} DESC, ${id} DESC LIMIT $4)`

const PAGE_SQL = [
  ...Object.values(MessageChannel).map((channel) =>
    branch(
      `SELECT 'message' AS kind, m.id, m.created_at AS at FROM marketing_message m
        WHERE m.contact_id = $1 AND m.channel = '${channel}' AND m.is_test = false AND m.deleted_at IS NULL`,
      "m.created_at",
      "m.id"
    )
  ),
  ...Object.values(ConsentChannel).map((channel) =>
    branch(
      `SELECT 'consent', c.id, c.created_at FROM marketing_consent_record c
        WHERE c.contact_id = $1 AND c.channel = '${channel}' AND c.deleted_at IS NULL`,
      "c.created_at",
      "c.id"
    )
  ),
  // All lines of an order share its time: grouping them keeps the index's order.
  `(SELECT 'order', p.order_id, p.purchased_at FROM marketing_purchase p
     WHERE p.contact_id = $1 AND p.deleted_at IS NULL AND ${before("p.purchased_at", "p.order_id")}
     GROUP BY p.purchased_at, p.order_id ORDER BY p.purchased_at DESC, p.order_id DESC LIMIT $4)`,
  branch(
    `SELECT 'redemption', r.id, r.redeemed_at FROM marketing_promotion_redemption r
      WHERE r.order_id IN (SELECT p.order_id FROM marketing_purchase p WHERE p.contact_id = $1 AND p.deleted_at IS NULL)
        AND r.order_id IS NOT NULL AND r.redeemed_at IS NOT NULL AND r.deleted_at IS NULL`,
    "r.redeemed_at",
    "r.id"
  ),
  // Running enrollments (one per journey at most) by the contact's index of them; ended ones journey by journey.
  branch(
    `SELECT 'enrollment', e.id, e.entered_at FROM marketing_journey_enrollment e
      WHERE e.contact_id = $1 AND e.state IN ('active', 'waiting') AND e.deleted_at IS NULL`,
    "e.entered_at",
    "e.id"
  ),
  `(SELECT 'enrollment', e.id, e.entered_at FROM marketing_journey j
     CROSS JOIN LATERAL (SELECT e.id, e.entered_at FROM marketing_journey_enrollment e
                          WHERE e.journey_id = j.id AND e.contact_id = $1 AND e.state NOT IN ('active', 'waiting')
                            AND e.deleted_at IS NULL AND ${before("e.entered_at", "e.id")}
                          ORDER BY e.entered_at DESC, e.id DESC LIMIT $4) e)`,
].join("\n UNION ALL \n")

const MERGED_PAGE_SQL = `SELECT kind, id, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text
  FROM (${PAGE_SQL}) merged ORDER BY at DESC, id DESC LIMIT $4`

/** A cursor's time: ISO 8601 in UTC with microseconds, as the page statement prints it. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

/** A real instant PostgreSQL takes (February 30th and the year 0 are refused here rather than by it). */
const isCursorTime = (at: string) =>
  CURSOR_TIME.test(at) &&
  !at.startsWith("0000") &&
  !Number.isNaN(Date.parse(at)) &&
  new Date(at).toISOString().slice(0, 19) === at.slice(0, 19)

/** The cursor as the route hands it out: opaque to callers, and checked when it comes back. */
export function encodeActivityCursor(cursor: ContactActivityCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url")
}

export function decodeActivityCursor(text: string): ContactActivityCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8"))
    if (typeof at === "string" && typeof id === "string" && isCursorTime(at) && id.length <= 100) {
      return { at, id }
    }
  } catch {
    // Reported below, like any other cursor this route did not hand out.
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, "cursor: not a cursor of this timeline (pass next_cursor as it came)")
}

/** One page of a contact's timeline, newest first; see the note at the top of this file. */
export async function readContactActivity(
  client: PgClient,
  contactId: string,
  { limit, cursor }: { limit: number; cursor?: ContactActivityCursor }
): Promise<ContactActivityPage> {
  // One more than asked: whether another page follows, without counting.
  const { rows } = await client.query(MERGED_PAGE_SQL, [contactId, cursor?.at ?? "infinity", cursor?.id ?? "", limit + 1])
  const page: { kind: ContactActivityKind; id: string; at: Date; at_text: string }[] = rows.slice(0, limit)
  const idsOf = (kind: ContactActivityKind) => page.filter((row) => row.kind === kind).map((row) => row.id)
  const [messages, orders, redemptions, consents, enrollments] = await Promise.all([
    readMessages(client, idsOf("message")),
    readOrders(client, contactId, idsOf("order")),
    readRedemptions(client, idsOf("redemption")),
    readConsents(client, idsOf("consent")),
    readEnrollments(client, idsOf("enrollment")),
  ])
  const details = new Map<string, Record<string, unknown>>(
    [...messages, ...orders, ...redemptions, ...consents, ...enrollments].map((detail) => [detail.id, detail])
  )
  const last = page.at(-1)
  return {
    items: page.map(({ kind, id, at }) => ({ ...details.get(id), kind, id, at }) as ContactActivityItem),
    next_cursor: rows.length > limit && last ? encodeActivityCursor({ at: last.at_text, id: last.id }) : null,
  }
}

async function readMessages(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const [{ rows: messages }, { rows: engagements }] = await Promise.all([
    client.query(
      `SELECT m.id, m.campaign_id, c.name AS campaign_name, m.channel, m.to, m.status, m.sent_at
         FROM marketing_message m LEFT JOIN marketing_campaign c ON c.id = m.campaign_id
        WHERE m.id = ANY($1)`,
      [ids]
    ),
    client.query(
      `SELECT message_id, type, flag, url, occurred_at, count(*) OVER (PARTITION BY message_id, type)::int AS of_type,
              row_number() OVER (PARTITION BY message_id ORDER BY occurred_at DESC, id DESC) AS rank
         FROM marketing_message_event
        WHERE message_id = ANY($1) AND type IN ('open', 'click') AND deleted_at IS NULL`,
      [ids]
    ),
  ])
  return messages.map((message) => {
    const own = engagements.filter((event) => event.message_id === message.id)
    const countOf = (type: string) => own.find((event) => event.type === type)?.of_type ?? 0
    return {
      ...message,
      opens: countOf("open"),
      clicks: countOf("click"),
      engagements: own
        .filter((event) => Number(event.rank) <= ENGAGEMENTS_PER_MESSAGE)
        .sort((a, b) => Number(a.rank) - Number(b.rank))
        .map(({ type, flag, url, occurred_at }) => ({ type, flag, url, occurred_at })),
    }
  })
}

async function readOrders(client: PgClient, contactId: string, orderIds: string[]) {
  if (!orderIds.length) return []
  const { rows } = await client.query(
    `SELECT order_id AS id, order_id, currency_code, sum(amount)::float8 AS total, sum(quantity)::int AS items
       FROM marketing_purchase
      WHERE contact_id = $1 AND order_id = ANY($2) AND deleted_at IS NULL
      GROUP BY order_id, currency_code`,
    [contactId, orderIds]
  )
  return rows
}

async function readRedemptions(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const { rows } = await client.query(
    `SELECT r.id, r.promotion_id, p.name AS promotion_name, r.code, r.order_id, r.discount_amount::float8 AS discount_amount,
            r.currency_code, r.released_at
       FROM marketing_promotion_redemption r LEFT JOIN marketing_promotion p ON p.id = r.promotion_id
      WHERE r.id = ANY($1)`,
    [ids]
  )
  return rows
}

async function readConsents(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const { rows } = await client.query(`SELECT id, channel, status, source FROM marketing_consent_record WHERE id = ANY($1)`, [ids])
  return rows
}

async function readEnrollments(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const [{ rows: enrollments }, { rows: steps }] = await Promise.all([
    client.query(
      `SELECT e.id, e.journey_id, j.name AS journey_name, e.state, e.ended_at
         FROM marketing_journey_enrollment e LEFT JOIN marketing_journey j ON j.id = e.journey_id
        WHERE e.id = ANY($1)`,
      [ids]
    ),
    client.query(
      `SELECT * FROM (
         SELECT r.enrollment_id, r.step_id, r.outcome, r.at,
                (SELECT coalesce(s->>'name', s->>'kind') FROM jsonb_array_elements(v.graph->'steps') s WHERE s->>'id' = r.step_id) AS step,
                row_number() OVER (PARTITION BY r.enrollment_id ORDER BY r.at DESC, r.id DESC) AS rank
           FROM marketing_journey_step_run r
           JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id
           LEFT JOIN marketing_journey_version v ON v.id = e.version_id
          WHERE r.enrollment_id = ANY($1) AND r.deleted_at IS NULL) runs
        WHERE rank <= ${STEPS_PER_ENROLLMENT}
        ORDER BY at DESC`,
      [ids]
    ),
  ])
  return enrollments.map((enrollment) => ({
    ...enrollment,
    steps: steps
      .filter((run) => run.enrollment_id === enrollment.id)
      .map(({ step_id, step, outcome, at }) => ({ step_id, step, outcome, at })),
  }))
}
