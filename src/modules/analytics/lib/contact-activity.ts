import { MedusaError } from "@medusajs/framework/utils"
import type { PgClient } from "../../../lib/pg-transaction"
import type {
  ContactActivityCursor,
  ContactActivityItem,
  ContactActivityKind,
  ContactActivityPage,
} from "../../../types/analytics/contact-activity"
import {
  ACTIVITY_CONSENTS,
  ACTIVITY_ENGAGEMENTS,
  ACTIVITY_ENROLLMENTS,
  ACTIVITY_MESSAGES,
  ACTIVITY_ORDERS,
  ACTIVITY_REDEMPTIONS,
  ACTIVITY_STEP_RUNS,
  CONTACT_ACTIVITY_PAGE,
} from "../statements"

/*
 * A contact's timeline: what the messaging, audience, promotion and automation modules recorded about
 * them, merged newest first and paged by a cursor (the last item's time and id), never an offset.
 * How a page is read, whatever the history's length: see the timeline's note in ../statements.ts.
 */

/** Engagements shown per message: a message forwarded around may be opened hundreds of times. */
const ENGAGEMENTS_PER_MESSAGE = 10

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

/** One page of a contact's timeline, newest first; see the timeline's note in ../statements.ts. */
export async function readContactActivity(
  client: PgClient,
  contactId: string,
  { limit, cursor }: { limit: number; cursor?: ContactActivityCursor }
): Promise<ContactActivityPage> {
  // One more than asked: whether another page follows, without counting.
  const { rows } = await client.query(CONTACT_ACTIVITY_PAGE, [contactId, cursor?.at ?? "infinity", cursor?.id ?? "", limit + 1])
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
    client.query(ACTIVITY_MESSAGES, [ids]),
    client.query(ACTIVITY_ENGAGEMENTS, [ids]),
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
  const { rows } = await client.query(ACTIVITY_ORDERS, [contactId, orderIds])
  return rows
}

async function readRedemptions(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const { rows } = await client.query(ACTIVITY_REDEMPTIONS, [ids])
  return rows
}

async function readConsents(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const { rows } = await client.query(ACTIVITY_CONSENTS, [ids])
  return rows
}

async function readEnrollments(client: PgClient, ids: string[]) {
  if (!ids.length) return []
  const [{ rows: enrollments }, { rows: steps }] = await Promise.all([
    client.query(ACTIVITY_ENROLLMENTS, [ids]),
    client.query(ACTIVITY_STEP_RUNS, [ids]),
  ])
  return enrollments.map((enrollment) => ({
    ...enrollment,
    steps: steps
      .filter((run) => run.enrollment_id === enrollment.id)
      .map(({ step_id, step, outcome, at }) => ({ step_id, step, outcome, at })),
  }))
}
