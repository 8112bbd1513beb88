/**
 * BENCHMARK PROTOTYPE, not part of the plugin: what an open or click costs when it is recorded by
 * one SQL statement in autocommit instead of a workflow of two transactions. `bench/track.ts`
 * copies this folder into its scratch copy of the test host (never into the repository's src/) at
 * src/api/marketing/bench-proto/, next to the plugin's real routes, and loads both side by side.
 *
 * Same rules as the plugin's routes: the token is verified with the plugin's secret, a click only
 * ever redirects to a link the message had, machine opens and clicks are flagged by the plugin's
 * own classifier (user agent and address here; "too soon after sending" and click bursts in SQL),
 * and the event row is stored before the answer goes out.
 */
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InvalidTokenError, verifyToken } from "../../../lib/signed-token"
import { classifyClick, classifyOpen } from "../../../modules/messaging/lib/classify-engagement"
import { TRACKING_PURPOSE } from "../../../modules/messaging/lib/compose-message"
import { MarketingModule } from "../../../types/modules"

const RECORD = `
  WITH target AS (
    SELECT m.id, m.sent_at,
           (SELECT l.url FROM marketing_message_link l
             WHERE l.message_id = m.id AND l.position = ?::int AND l.deleted_at IS NULL) AS url,
           (SELECT count(*) FROM marketing_message_event e
             WHERE e.message_id = m.id AND e.type = 'click' AND e.deleted_at IS NULL
               AND e.occurred_at > now() - interval '1 second') AS burst
      FROM marketing_message m
     WHERE m.id = ? AND m.deleted_at IS NULL AND m.sent_at IS NOT NULL),
  event AS (
    SELECT t.id, t.url,
           COALESCE(?::text, CASE WHEN now() - t.sent_at < interval '10 seconds' THEN 'scanner'
                                  WHEN ?::text = 'click' AND t.burst + 1 >= 3 THEN 'scanner' END) AS flag
      FROM target t
     WHERE ?::text = 'open' OR t.url IS NOT NULL),
  inserted AS (
    INSERT INTO marketing_message_event (id, message_id, type, flag, link_position, url, user_agent, ip, occurred_at, created_at, updated_at)
    SELECT 'mevt_' || replace(gen_random_uuid()::text, '-', ''), e.id, ?::text, e.flag, ?::int, e.url, ?, ?, now(), now(), now()
      FROM event e
    RETURNING message_id, flag),
  touched AS (
    UPDATE marketing_message m
       SET opened_at = COALESCE(m.opened_at, now()),
           clicked_at = CASE WHEN ?::text = 'click' THEN COALESCE(m.clicked_at, now()) ELSE m.clicked_at END
      FROM inserted i
     WHERE m.id = i.message_id AND i.flag IS NULL)
  SELECT url FROM event`

/** Records the event; returns the link's URL (for a click), or undefined when the token names nothing. */
export async function recordInOneStatement(
  req: MedusaRequest,
  type: "open" | "click",
  position: number | null
): Promise<{ url: string | null } | undefined> {
  const { token_secret } = (req.scope.resolve(MarketingModule.CAMPAIGN) as any).getOptions()
  let messageId: unknown
  try {
    messageId = verifyToken(TRACKING_PURPOSE, req.params.token, token_secret).m
  } catch (error) {
    if (error instanceof InvalidTokenError) return undefined
    throw error
  }
  if (typeof messageId !== "string") return undefined
  const userAgent = req.get("user-agent") ?? null
  const ip = req.ip ?? null
  // The user-agent and address rules; the timing rules need the message and run in the statement.
  const longAgo = new Date(0)
  const now = new Date()
  const flag =
    type === "open"
      ? classifyOpen({ userAgent, ip, sentAt: longAgo, at: now })
      : classifyClick({ userAgent, sentAt: longAgo, at: now, recentClickTimes: [] })
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { rows } = await knex.raw(RECORD, [position, messageId, flag, type, type, type, position, userAgent, ip, type])
  return rows[0]
}

export async function answer(req: MedusaRequest, res: MedusaResponse, type: "open" | "click") {
  const position = type === "click" ? (/^\d{1,6}$/.test(req.params.position) ? Number(req.params.position) : null) : null
  const recorded = type === "click" && position === null ? undefined : await recordInOneStatement(req, type, position)
  if (!recorded) return void res.status(404).type("html").send("This link is not valid")
  if (type === "click") return void res.set("Cache-Control", "no-store, private, max-age=0").redirect(302, recorded.url!)
  res.set({ "Content-Type": "image/gif", "Cache-Control": "no-store, private, max-age=0" }).send(PIXEL)
}

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

/**
 * The same recording, batched: the opens and clicks that arrive within a millisecond are written
 * by one statement, and each request is answered once that statement has committed, so every
 * answered request still has its row stored.
 */
const RECORD_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
      AS i(ord, message_id, type, position, ua_flag, user_agent, ip)),
  target AS (
    SELECT i.*, m.sent_at,
           (SELECT l.url FROM marketing_message_link l
             WHERE l.message_id = m.id AND l.position = i.position AND l.deleted_at IS NULL) AS url,
           (SELECT count(*) FROM marketing_message_event e
             WHERE e.message_id = m.id AND e.type = 'click' AND e.deleted_at IS NULL
               AND e.occurred_at > now() - interval '1 second') AS burst
      FROM input i
      JOIN marketing_message m ON m.id = i.message_id AND m.deleted_at IS NULL AND m.sent_at IS NOT NULL),
  event AS (
    SELECT t.*, COALESCE(t.ua_flag, CASE WHEN now() - t.sent_at < interval '10 seconds' THEN 'scanner'
                                         WHEN t.type = 'click' AND t.burst + 1 >= 3 THEN 'scanner' END) AS flag
      FROM target t
     WHERE t.type = 'open' OR t.url IS NOT NULL),
  inserted AS (
    INSERT INTO marketing_message_event (id, message_id, type, flag, link_position, url, user_agent, ip, occurred_at, created_at, updated_at)
    SELECT 'mevt_' || replace(gen_random_uuid()::text, '-', ''), e.message_id, e.type, e.flag,
           CASE WHEN e.type = 'click' THEN e.position END, e.url, e.user_agent, e.ip, now(), now(), now()
      FROM event e
    RETURNING message_id, type, flag),
  firsts AS (
    SELECT message_id, bool_or(type = 'click') AS clicked FROM inserted WHERE flag IS NULL GROUP BY message_id),
  touched AS (
    UPDATE marketing_message m
       SET opened_at = COALESCE(m.opened_at, now()),
           clicked_at = CASE WHEN f.clicked THEN COALESCE(m.clicked_at, now()) ELSE m.clicked_at END
      FROM firsts f
     WHERE m.id = f.message_id)
  SELECT ord, url FROM event`

type Pending = {
  row: [string, "open" | "click", number | null, string | null, string | null, string | null]
  done: (result: { url: string | null } | undefined, error?: unknown) => void
}
let pending: Pending[] = []
let scheduled = false

async function flush(knex: any) {
  const batch = pending
  pending = []
  scheduled = false
  const client = await knex.client.acquireConnection()
  try {
    const column = (i: number) => batch.map((p) => p.row[i])
    const { rows } = await client.query(RECORD_BATCH, [
      batch.map((_, ord) => ord),
      column(0),
      column(1),
      column(2),
      column(3),
      column(4),
      column(5),
    ])
    const found = new Map<number, { url: string | null }>(rows.map((r: { ord: number; url: string | null }) => [r.ord, { url: r.url }]))
    batch.forEach((p, ord) => p.done(found.get(ord)))
  } catch (error) {
    batch.forEach((p) => p.done(undefined, error))
  } finally {
    await knex.client.releaseConnection(client)
  }
}

export async function recordBatched(req: MedusaRequest, type: "open" | "click", position: number | null) {
  const { token_secret } = (req.scope.resolve(MarketingModule.CAMPAIGN) as any).getOptions()
  let messageId: unknown
  try {
    messageId = verifyToken(TRACKING_PURPOSE, req.params.token, token_secret).m
  } catch (error) {
    if (error instanceof InvalidTokenError) return undefined
    throw error
  }
  if (typeof messageId !== "string") return undefined
  const userAgent = req.get("user-agent") ?? null
  const ip = req.ip ?? null
  const longAgo = new Date(0)
  const now = new Date()
  const flag =
    type === "open"
      ? classifyOpen({ userAgent, ip, sentAt: longAgo, at: now })
      : classifyClick({ userAgent, sentAt: longAgo, at: now, recentClickTimes: [] })
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  return new Promise<{ url: string | null } | undefined>((resolve, reject) => {
    pending.push({ row: [messageId as string, type, position, flag, userAgent, ip], done: (r, e) => (e ? reject(e) : resolve(r)) })
    if (!scheduled) {
      scheduled = true
      setTimeout(() => void flush(knex), 1)
    }
  })
}

export async function answerBatched(req: MedusaRequest, res: MedusaResponse, type: "open" | "click") {
  const position = type === "click" ? (/^\d{1,6}$/.test(req.params.position) ? Number(req.params.position) : null) : null
  const recorded = type === "click" && position === null ? undefined : await recordBatched(req, type, position)
  if (!recorded) return void res.status(404).type("html").send("This link is not valid")
  if (type === "click") return void res.set("Cache-Control", "no-store, private, max-age=0").redirect(302, recorded.url!)
  res.set({ "Content-Type": "image/gif", "Cache-Control": "no-store, private, max-age=0" }).send(PIXEL)
}
