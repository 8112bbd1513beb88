import path from "node:path"
import { Client } from "pg"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MarketingModule } from "../../../types/modules"
import { RawAssignedCode, RawData, RawMessage, RawMessageEvent, RawOrder } from "../lib/raw-data"
import { rollupRawData } from "../lib/rollup-raw-data"
import { addTo, METRICS, Rollup, rollupRows } from "../lib/rollup"
import { bucketOfDay } from "../lib/periods"
import { RollupDimension } from "../../../types/analytics"
import AnalyticsModuleService from "../service"
import { LOCK_ROLLUP } from "../statements"
import { untilLocksAwaited } from "../../../../integration-tests/helpers/lock-waits"

jest.setTimeout(120_000)

const TIMEZONE = "Europe/Berlin"
const ATTRIBUTION_DAYS = 2
const HOUR = 3_600_000
const migrations = (module: string) => path.join(__dirname, "..", "..", module, "migrations")

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Raw data over the days around Berlin's spring DST change: two campaigns (one with a segment), steps
 * of two journeys, four contacts, messages on two channels (test sends among them), every kind of event with machine
 * flags and repeats, orders with clicks and codes, some refunded or cancelled (refunds on either side of
 * the cancellation), and ledger lines, some cancelled.
 */
/** Raw data with what only the tables hold besides: messages' keys, codes' promotions, orders' customers. */
interface GeneratedRows extends RawData {
  messages: (RawMessage & { idempotency_key: string })[]
  codes: (RawAssignedCode & { promotion_id: string })[]
  orders: (RawOrder & { customer_id: string | null })[]
  customers: Map<string, string>
}

function generate(seed: number): GeneratedRows {
  const rnd = random(seed)
  const pick = <T>(values: readonly T[]) => values[Math.floor(rnd() * values.length)]
  const start = Date.parse("2026-03-27T20:00:00Z")
  const time = (from: number, spanHours: number) => new Date(from + Math.floor(rnd() * spanHours * HOUR))
  const contacts = ["mcon_1", "mcon_2", "mcon_3", "mcon_4"]
  const customers = new Map(contacts.map((c, i) => [`cus_${i + 1}`, c]))
  const campaigns = [{ id: "mcamp_1", segment_id: "mseg_1" }, { id: "mcamp_2", segment_id: null }]
  /** Two journeys' steps, one step name in both (a step id is the journey's own). */
  const journeySteps = [
    { enrollment_id: "mjenr_1", journey_id: "mjrn_1", step_id: "welcome" },
    { enrollment_id: "mjenr_2", journey_id: "mjrn_1", step_id: "reminder" },
    { enrollment_id: "mjenr_3", journey_id: "mjrn_2", step_id: "welcome" },
  ]

  const messages = Array.from({ length: 40 }, (_, i) => {
    const campaign = pick([...campaigns, null])
    // A message of no campaign is a journey step's now and then.
    const journeyStep = campaign ? null : pick([...journeySteps, null])
    return {
      id: `mmsg_${String(i).padStart(3, "0")}`,
      campaign_id: campaign?.id ?? null,
      segment_id: campaign?.segment_id ?? null,
      journey_id: journeyStep?.journey_id ?? null,
      journey_step_id: journeyStep?.step_id ?? null,
      idempotency_key: journeyStep ? `journey:${journeyStep.enrollment_id}:${journeyStep.step_id}:${i}` : `mmsg_${i}`,
      contact_id: pick([...contacts, null]),
      channel: pick(["email", "sms"]),
      is_test: rnd() < 0.1,
      sent_at: rnd() < 0.9 ? time(start, 72) : null,
    }
  })
  const sent = messages.filter((m) => m.sent_at)
  const events: RawMessageEvent[] = Array.from({ length: 160 }, (_, i) => {
    const message = pick(sent)
    const occurred = time(message.sent_at!.getTime(), 48)
    return {
      id: `mevt_${String(i).padStart(3, "0")}`,
      message_id: message.id,
      type: pick(["open", "open", "click", "click", "unsubscribe", "delivered", "bounce", "dropped", "complaint", "failed"] as const),
      flag: rnd() < 0.25 ? pick(["bot", "apple_mpp", "scanner"]) : null,
      permanent: pick([true, false, null]),
      link_position: rnd() < 0.8 ? pick([0, 1, 2]) : null,
      occurred_at: occurred,
      // Recorded a little later, and several in one statement (one created_at) now and then.
      created_at: new Date(Math.floor((occurred.getTime() + rnd() * HOUR) / (10 * 60_000)) * 10 * 60_000),
    }
  })
  const codes = [
    { code: "SPRING-A", contact_id: "mcon_1", campaign_id: "mcamp_1", promotion_id: "mprom_1" },
    { code: "SPRING-B", contact_id: "mcon_2", campaign_id: "mcamp_1", promotion_id: "mprom_1" },
    { code: "LOOSE-C", contact_id: "mcon_3", campaign_id: null, promotion_id: "mprom_2" },
  ]
  const orders = Array.from({ length: 25 }, (_, i) => {
    const placed = time(start + 6 * HOUR, 90)
    const click = rnd() < 0.5 ? pick(sent) : null
    const used = codes.filter(() => rnd() < 0.3)
    const customer = pick([...customers.keys(), null])
    return {
      id: `mattr_${String(i).padStart(3, "0")}`,
      customer_id: customer,
      contact_id: customer ? customers.get(customer)! : null,
      message_id: click?.id ?? null,
      clicked_at: click ? new Date(placed.getTime() - Math.floor(rnd() * 3 * 24) * HOUR) : null,
      codes: used.map((c) => c.code),
      promotion_ids: [...new Set(used.map((c) => c.promotion_id))],
      currency_code: pick(["eur", "jpy"]),
      revenue: Math.round(rnd() * 20000) / 100,
      discount_total: Math.round(rnd() * 1000) / 100,
      created_at: placed,
      canceled_at: rnd() < 0.25 ? time(placed.getTime(), 72) : null,
    }
  })
  const redemptions = Array.from({ length: 12 }, (_, i) => {
    const code = pick([...codes, null])
    const redeemed = time(start, 72)
    return {
      id: `mpred_${String(i).padStart(3, "0")}`,
      promotion_id: code?.promotion_id ?? "mprom_2",
      campaign_id: code ? codes.find((c) => c.code === code.code)!.campaign_id : null,
      code: code?.code ?? null,
      currency_code: "eur",
      discount_amount: Math.round(rnd() * 1500) / 100,
      redeemed_at: redeemed,
      released_at: rnd() < 0.3 ? time(redeemed.getTime(), 24) : null,
    }
  })
  // Refunds of some orders, partial or whole, one or two each, within days of the order.
  const refunds = orders.filter(() => rnd() < 0.4).flatMap((order, i) =>
    Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, j) => ({
      id: `ordtrx_${String(i).padStart(3, "0")}_${j}`,
      order_id: order.id,
      amount: Math.round(rnd() * order.revenue * 50) / 100,
      refunded_at: time(order.created_at.getTime(), 72),
    }))
  )
  return { messages, events, orders, refunds, redemptions, codes, customers }
}

async function insertRawData(db: Client, raw: ReturnType<typeof generate>) {
  const rows = <T>(items: T[], ...columns: ((item: T) => unknown)[]) => columns.map((column) => items.map(column))
  await db.query(
    `INSERT INTO marketing_segment (id, name, handle, dsl, member_count) VALUES ('mseg_1', 'Spring', 'spring', 'orders_count > 0', 3);
     INSERT INTO marketing_campaign (id, name, channel, segment_id) VALUES ('mcamp_1', 'Spring', 'email', 'mseg_1'), ('mcamp_2', 'Other', 'email', NULL);
     INSERT INTO marketing_promotion (id, campaign_id, name, type, code_mode, target, customer_group_ids)
     VALUES ('mprom_1', 'mcamp_1', 'Spring', 'fixed', 'unique', '{}', '[]'), ('mprom_2', NULL, 'Loose', 'fixed', 'unique', '{}', '[]')`
  )
  await db.query(
    `INSERT INTO marketing_contact (id, email, customer_id, email_consent)
     SELECT c, c || '@example.com', cus, CASE WHEN c = 'mcon_4' THEN NULL ELSE 'subscribed' END FROM unnest($1::text[], $2::text[]) AS x(cus, c)`,
    [[...raw.customers.keys()], [...raw.customers.values()]]
  )
  await db.query(
    `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, entered_at)
     VALUES ('mjenr_1', 'mjrn_1', 'mjver_1', 'mcon_1', 'active', now()), ('mjenr_2', 'mjrn_1', 'mjver_1', 'mcon_2', 'active', now()),
            ('mjenr_3', 'mjrn_2', 'mjver_2', 'mcon_1', 'active', now())`
  )
  await db.query(
    `INSERT INTO marketing_message (id, campaign_id, contact_id, channel, "to", idempotency_key, is_test, status, not_before, sent_at)
     SELECT id, campaign_id, contact_id, channel, 'someone', idempotency_key, is_test, CASE WHEN sent_at IS NULL THEN 'queued' ELSE 'sent' END, now(), sent_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::timestamptz[])
            AS m(id, campaign_id, contact_id, channel, idempotency_key, is_test, sent_at)`,
    rows(raw.messages, (m) => m.id, (m) => m.campaign_id, (m) => m.contact_id, (m) => m.channel, (m) => m.idempotency_key, (m) => m.is_test, (m) => m.sent_at)
  )
  await db.query(
    `INSERT INTO marketing_message_event (id, message_id, type, flag, permanent, link_position, occurred_at, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::int[], $7::timestamptz[], $8::timestamptz[])`,
    rows(raw.events, (e) => e.id, (e) => e.message_id, (e) => e.type, (e) => e.flag, (e) => e.permanent, (e) => e.link_position, (e) => e.occurred_at, (e) => e.created_at)
  )
  await db.query(
    `INSERT INTO marketing_promotion_code (id, code, contact_id, batch_id, promotion_id)
     SELECT 'mpcode_' || code, code, contact_id, 'mpbatch_1', promotion_id FROM unnest($1::text[], $2::text[], $3::text[]) AS c(code, contact_id, promotion_id)`,
    rows(raw.codes, (c) => c.code, (c) => c.contact_id, (c) => c.promotion_id)
  )
  await db.query(
    `INSERT INTO marketing_order_attribution (id, order_id, customer_id, message_id, clicked_at, codes, promotion_ids, currency_code,
                                              revenue, raw_revenue, discount_total, raw_discount_total, created_at, canceled_at)
     SELECT id, 'order_' || id, customer_id, message_id, clicked_at, codes::jsonb, promotion_ids::jsonb, currency_code,
            revenue, '{}', discount_total, '{}', created_at, canceled_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::timestamptz[], $11::timestamptz[])
            AS a(id, customer_id, message_id, clicked_at, codes, promotion_ids, currency_code, revenue, discount_total, created_at, canceled_at)`,
    rows(
      raw.orders,
      (o) => o.id, (o) => o.customer_id, (o) => o.message_id, (o) => o.clicked_at, (o) => JSON.stringify(o.codes),
      (o) => JSON.stringify(o.promotion_ids), (o) => o.currency_code, (o) => o.revenue, (o) => o.discount_total, (o) => o.created_at,
      (o) => o.canceled_at
    )
  )
  // Medusa's orders (what a refund transaction needs of them: the cancellation is read from the attribution) and their refunds.
  await db.query(
    `INSERT INTO "order" (id, currency_code, version, status)
     SELECT 'order_' || id, currency_code, 1, 'pending' FROM unnest($1::text[], $2::text[]) AS o(id, currency_code)`,
    rows(raw.orders, (o) => o.id, (o) => o.currency_code)
  )
  await db.query(
    `INSERT INTO order_transaction (id, order_id, version, amount, raw_amount, currency_code, reference, reference_id, created_at)
     SELECT r.id, 'order_' || r.order_id, 1, -r.amount, '{}', o.currency_code, 'refund', 'ref_' || r.id, r.refunded_at
       FROM unnest($1::text[], $2::text[], $3::numeric[], $4::timestamptz[]) AS r(id, order_id, amount, refunded_at)
       JOIN "order" o ON o.id = 'order_' || r.order_id`,
    rows(raw.refunds, (r) => r.id, (r) => r.order_id, (r) => r.amount, (r) => r.refunded_at)
  )
  await db.query(
    `INSERT INTO marketing_promotion_redemption (id, promotion_id, campaign_id, code, cart_id, currency_code, estimated_discount,
                                                 raw_estimated_discount, discount_amount, status, reserved_at, redeemed_at, released_at, release_reason)
     SELECT id, promotion_id, campaign_id, code, 'cart_' || id, currency_code, discount_amount, '{}', discount_amount,
            CASE WHEN released_at IS NULL THEN 'redeemed' ELSE 'released' END, redeemed_at, redeemed_at, released_at,
            CASE WHEN released_at IS NULL THEN NULL ELSE 'cancelled' END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::timestamptz[], $8::timestamptz[])
            AS r(id, promotion_id, campaign_id, code, currency_code, discount_amount, redeemed_at, released_at)`,
    rows(
      raw.redemptions,
      (r) => r.id, (r) => r.promotion_id, (r) => r.campaign_id, (r) => r.code, (r) => r.currency_code, (r) => r.discount_amount,
      (r) => r.redeemed_at, (r) => r.released_at
    )
  )
}

moduleIntegrationTestRunner<AnalyticsModuleService>({
  moduleName: MarketingModule.ANALYTICS,
  resolve: path.join(__dirname, ".."),
  moduleOptions: { default_timezone: TIMEZONE, promotions: { attribution_days: ATTRIBUTION_DAYS } },
  pathToMigrations: [
    ...["analytics", "messaging", "promotion", "campaign", "audience", "automation"].map(migrations),
    // Refunds are read from Medusa's order transactions.
    path.join(path.dirname(require.resolve("@medusajs/order/package.json")), "dist", "migrations"),
  ],
  testSuite: ({ service, dbConfig }) => {
    let db: Client
    beforeEach(async () => {
      db = new Client({ connectionString: dbConfig.clientUrl })
      await db.connect()
    })
    afterEach(() => db.end())

    const stored = async () => {
      const { rows } = await db.query(
        `SELECT day, dimension, dimension_id, attribution_model, currency_code, ${METRICS.join(", ")}
           FROM marketing_analytics_daily_rollup ORDER BY day, dimension, dimension_id, attribution_model, currency_code`
      )
      const key = (r: any) => [r.day, r.dimension, r.dimension_id, r.attribution_model, r.currency_code].join("\u0000")
      return rows
        .map((row) => ({ ...row, ...Object.fromEntries(METRICS.map((metric) => [metric, Number(row[metric])])) }))
        .sort((a, b) => (key(a) < key(b) ? -1 : 1))
    }

    it("refreshed in steps, the rollup equals the specification's and a rebuild's; a refresh with nothing new changes nothing", async () => {
      const raw = generate(15)
      await insertRawData(db, raw)
      const expected = rollupRawData(raw, { timezone: TIMEZONE, attribution_days: ATTRIBUTION_DAYS })
      expect(expected.size).toBeGreaterThan(100)
      expect(rollupRows(expected).filter((row) => row.dimension === "journey_step").map((row) => row.dimension_id)).toEqual(
        expect.arrayContaining(["mjrn_1:welcome", "mjrn_1:reminder", "mjrn_2:welcome"])
      )

      // Cuts between the raw rows' times, the last one past them all.
      for (const cut of ["2026-03-28T12:00:00Z", "2026-03-29T01:30:00Z", "2026-03-29T12:00:00Z", "2026-03-30T20:00:00Z", "2026-04-10T00:00:00Z"]) {
        await service.refreshRollups(new Date(cut))
      }
      const refreshed = await stored()
      expect(refreshed).toEqual(rollupRows(expected))

      expect(Object.values(await service.refreshRollups(new Date("2026-04-10T00:00:00Z"))).every((n) => n === 0)).toBe(true)
      expect(await stored()).toEqual(refreshed)

      await service.rebuildRollups(new Date("2026-04-10T00:00:00Z"))
      expect(await stored()).toEqual(refreshed)
    })

    it("counts what was recorded after a refresh in the next one, once, and an event's day is the store's", async () => {
      const raw = generate(7)
      await insertRawData(db, raw)
      await service.refreshRollups(new Date("2026-04-10T00:00:00Z"))
      // Just after midnight in Berlin on the DST day, before midnight in UTC; recorded with microseconds, as now() is.
      await db.query(
        `INSERT INTO marketing_message_event (id, message_id, type, occurred_at, created_at)
         VALUES ('mevt_late', $1, 'delivered', '2026-03-28T23:30:00Z', '2026-04-11T00:00:00.123456Z')`,
        [raw.messages.find((m) => m.sent_at && !m.is_test && !raw.events.some((e) => e.message_id === m.id && e.type === "delivered"))!.id]
      )
      const total = async () =>
        (await db.query(`SELECT day, delivered FROM marketing_analytics_daily_rollup WHERE dimension = 'all' AND delivered > 0 ORDER BY day`)).rows
      const before = await total()
      expect((await service.refreshRollups(new Date("2026-04-12T00:00:00Z"))).message_events).toBeGreaterThan(0)
      const after = await total()
      const day = (rows: any[]) => rows.find((r) => r.day === "2026-03-29")?.delivered ?? 0
      expect(day(after)).toBe(day(before) + 1)
      // The cursor stands on that event itself, not a moment before it: the next refresh adds nothing.
      expect(Object.values(await service.refreshRollups(new Date("2026-04-12T00:00:00Z"))).every((n) => n === 0)).toBe(true)
      expect(await total()).toEqual(after)
    })

    it("sums the rollup in SQL per attribution model over a range, per day, ISO week and month, and per dimension id, in one currency", async () => {
      const raw = generate(15)
      await insertRawData(db, raw)
      await service.refreshRollups(new Date("2026-04-10T00:00:00Z"))
      const specification = rollupRawData(raw, { timezone: TIMEZONE, attribution_days: ATTRIBUTION_DAYS })
      // From a Saturday to a Thursday: across a week's start and a month's end, weeks cut by the range.
      const days = { first: "2026-03-28", last: "2026-04-02" }
      const cases = [
        { dimension: RollupDimension.ALL, dimension_id: "", by: "range" },
        { dimension: RollupDimension.ALL, dimension_id: "", by: "day" },
        { dimension: RollupDimension.ALL, dimension_id: "", by: "week" },
        { dimension: RollupDimension.PROMOTION, by: "month" },
        { dimension: RollupDimension.CAMPAIGN, dimension_id: "mcamp_1", by: "week" },
        { dimension: RollupDimension.CAMPAIGN, by: "dimension" },
      ] as const
      for (const { dimension, by, ...rest } of cases) {
        const dimensionId = "dimension_id" in rest ? rest.dimension_id : undefined
        const groupOf = (day: string, id: string) =>
          [by === "range" || by === "dimension" ? days.first : bucketOfDay(day, by), by === "dimension" ? id : ""] as const
        const expected: Rollup = new Map()
        for (const { key, metrics } of specification.values()) {
          const included = key.dimension === dimension && (dimensionId === undefined || key.dimension_id === dimensionId) &&
            key.day >= days.first && key.day <= days.last && ["", "eur"].includes(key.currency_code)
          if (!included) continue
          const [bucket, id] = groupOf(key.day, key.dimension_id)
          addTo(expected, { day: bucket, dimension, dimension_id: id, attribution_model: key.attribution_model, currency_code: "" }, metrics)
        }
        const summed: Rollup = new Map()
        for (const row of await service.sumRollup({ dimension, dimension_id: dimensionId, ...days, currency_code: "eur", by })) {
          const [bucket, id] = groupOf(row.day, row.dimension_id)
          const metrics = Object.fromEntries(METRICS.map((metric) => [metric, row[metric]]))
          addTo(summed, { day: bucket, dimension, dimension_id: id, attribution_model: row.attribution_model, currency_code: "" }, metrics)
        }
        expect(expected.size).toBeGreaterThan(0)
        expect({ dimension, by, rows: rollupRows(summed) }).toEqual({ dimension, by, rows: rollupRows(expected) })
      }
    })

    it.each([
      ["a refresh", (now: Date) => service.refreshRollups(now)],
      ["a rebuild", (now: Date) => service.rebuildRollups(now)],
    ])("runs %s only once the refresh or rebuild under way has committed (one lock, taken first: no deadlock)", async (_, run) => {
      const holder = new Client({ connectionString: dbConfig.clientUrl })
      await holder.connect()
      try {
        await holder.query("BEGIN")
        await holder.query(LOCK_ROLLUP)
        const running = run(new Date())
        await untilLocksAwaited((sql) => db.query(sql), { advisory: true })
        // Waiting for the lock, it holds no cursor yet.
        const { rows: held } = await db.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'marketing_analytics_rollup_cursor' AND l.mode = 'RowShareLock'`)
        expect(held[0].n).toBe(0)
        await holder.query("COMMIT")
        await running
      } finally {
        await holder.end()
      }
    })

    it("takes the day's audience counts: each segment and the contacts per consent state, the day's last count standing", async () => {
      await insertRawData(db, generate(3))
      await service.snapshotAudience(new Date("2026-03-28T23:30:00Z"))
      await db.query(`UPDATE marketing_contact SET email_consent = 'unsubscribed' WHERE id = 'mcon_1'`)
      await service.snapshotAudience(new Date("2026-03-29T10:00:00Z"))
      const { rows } = await db.query(`SELECT day, kind, key, count FROM marketing_analytics_audience_count ORDER BY kind, key`)
      expect(rows).toEqual([
        { day: "2026-03-29", kind: "consent", key: "email:none", count: 1 },
        { day: "2026-03-29", kind: "consent", key: "email:subscribed", count: 2 },
        { day: "2026-03-29", kind: "consent", key: "email:unsubscribed", count: 1 },
        { day: "2026-03-29", kind: "consent", key: "sms:none", count: 4 },
        { day: "2026-03-29", kind: "segment", key: "mseg_1", count: 3 },
      ])
    })
  },
})
