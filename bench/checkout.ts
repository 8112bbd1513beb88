/**
 * `npm run bench:checkout`: cart-update latency with the plugin's promotions active, next to carts
 * using only native Medusa promotions, on one production host in one run, interleaved request by
 * request (so that whatever else the machine does hits both sides alike).
 *
 * The host: a production build of the test host (bench/checkout/host.ts: `medusa build` in a scratch
 * copy, `medusa start` from its .medusa/server, NODE_ENV=production), its own embedded PostgreSQL
 * with fsync on (bench/lib/harness.ts). Seeded by a `medusa exec` script (bench/checkout/seed.ts):
 * the demo's region, shipping and publishable key, four identical 40.00 products, an admin user.
 *
 * Two kinds of carts, each with the same terms (10% off automatically + a 5% code, on its own two products):
 *   native:    promotions created through `POST /admin/promotions` (an automatic one and a code);
 *   marketing: marketing promotions (`POST /admin/marketing/promotions`, automatic + shared code,
 *              status active), which the plugin mirrors into native promotions for Medusa's cart machinery.
 * Each side's promotions target its own products, so both automatic promotions are candidates for
 * every cart (as on a store with both) but each cart gets only its side's discounts.
 *
 * BENCH_CLIENTS (4) shoppers run at once; each iteration of a shopper, for each side in alternating
 * order, one request at a time: create a cart holding product 1 (the automatic promotion applies),
 * apply the side's code (`POST /store/carts/:id/promotions`, where the plugin checks and reserves
 * marketing codes), add product 2 (`POST /store/carts/:id/line-items`), change its quantity
 * (`POST /store/carts/:id/line-items/:line_id`). Every answer is checked: each line carries exactly
 * the side's adjustments (automatic, and the code once applied). BENCH_WARMUP (5) iterations per
 * shopper are not counted; then BENCH_ROUNDS (4) rounds of BENCH_ITERATIONS (76) iterations per
 * shopper in all (304 samples per side per operation with 4 shoppers; the cart-update figure pools
 * add and quantity, 608). The ≤ 1.10 target is judged on that concurrent run.
 *
 * Then BENCH_SERIAL_ITERATIONS (30, 0 to skip) iterations with one shopper: with several requests
 * in flight, a request waits behind the others (of both sides), which pulls the ratio towards 1; one
 * shopper shows each side's own cost, not judged (fewer samples, p95 rough).
 *
 * KEEP_TMP=1 keeps the scratch directory (database, build, logs).
 */
import http from "node:http"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { automaticCode } from "../src/lib/promotion/native-promotion-input"
import { watchProcesses } from "./checkout/processes"
import {
  buildProductionHost,
  codeVersion,
  cpuOf,
  BENCH_SECRETS,
  groupPids,
  machineCpuSeconds,
  machineState,
  medusaEnv,
  medusaExec,
  postgresPids,
  ROOT,
  runBenchmark,
  scratchDir,
  seconds,
  startDatabase,
  startMedusaServer,
} from "./lib/harness"

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 76)
/** Then a pass with one shopper (0 to skip). */
const SERIAL_ITERATIONS = Number(process.env.BENCH_SERIAL_ITERATIONS ?? 30)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5)
const TARGET_RATIO = 1.1
const AUTOMATIC_PERCENT = 10
const CODE_PERCENT = 5

type Side = "native" | "marketing"
const SIDES: Side[] = ["native", "marketing"]
type Op = "create" | "apply" | "add" | "quantity"
const OPS: Op[] = ["create", "apply", "add", "quantity"]
const LABELS: Record<Op, string> = {
  create: "create cart (automatic promotion applies)",
  apply: "apply code: POST /store/carts/:id/promotions",
  add: "  add line: POST /store/carts/:id/line-items",
  quantity: "  quantity: POST .../line-items/:line_id",
}

type Seeded = {
  store: { regionId: string; salesChannelId: string; shippingOptionId: string; publishableKey: string }
  currency: string
  products: Record<Side, { productId: string; variantId: string }[]>
  admin: { email: string; password: string }
}
/** What a side's carts should carry. */
type SidePromotions = { automatic: string; code: string }

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
}
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-")

async function main() {
  console.log(`bench:checkout — code ${await codeVersion()}; machine: ${machineState()}`)
  printBusiest("busiest processes before the run (CPU over 2 s)", await cpuWindow(2000))
  const dir = scratchDir("checkout-bench")

  // The production build, and the database with its seed (a `medusa exec` in development mode from
  // the repository), side by side: neither is measured.
  const seed = async () => {
    const db = await startDatabase(dir, "marketing_checkout_bench")
    const seeder = medusaExec("seed", "./bench/checkout/seed.ts", medusaEnv(db.url), path.join(dir, "seed.log"))
    const started = Date.now()
    const seeded = (await seeder.next("seeded", 10 * 60_000)) as unknown as Seeded
    console.log(`store seeded (medusa exec) in ${seconds(Date.now() - started)} s`)
    await seeder.stop()
    return { db, seeded }
  }
  const [{ db, seeded }, serverDir] = await Promise.all([seed(), buildProductionHost(dir)])

  const { freePort } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const port: number = await freePort()
  const env = medusaEnv(db.url, {
    PORT: String(port),
    NODE_ENV: "production",
    // A production host must be given a token secret.
    MARKETING_OPTIONS_JSON: JSON.stringify(BENCH_SECRETS),
  })
  const base = `http://127.0.0.1:${port}`
  const medusa = await startMedusaServer(serverDir, env, path.join(dir, "medusa.log"), base)
  const client = httpClient(base)

  const promotions = await createPromotions(client, seeded)
  const shopper = (side: Side) => new Shopper(client, seeded, side, promotions[side])

  // Warm-up: every route and both kinds of carts, not counted.
  const warm = emptySamples()
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => shopperLoop(c, WARMUP, shopper, warm)))
  console.log(`\nwarmed up: ${WARMUP} iterations x ${CLIENTS} shoppers (${warm.requests} requests, ${warm.failures} failed or wrong)`)

  const medusaPids = () => groupPids(medusa.pid!)
  const before = {
    medusa: cpuOf(medusaPids()),
    pg: cpuOf(postgresPids(db.dataDir)),
    machine: machineCpuSeconds() ?? 0,
    self: process.cpuUsage(),
    processes: watchProcesses(),
    at: performance.now(),
  }
  const samples = await measure(CLIENTS, ITERATIONS, ROUNDS, shopper)
  const measuredS = (performance.now() - before.at) / 1000
  const self = process.cpuUsage(before.self)
  const cpu = {
    medusa: cpuOf(medusaPids()) - before.medusa,
    pg: cpuOf(postgresPids(db.dataDir)) - before.pg,
    self: (self.user + self.system) / 1e6,
    machine: (machineCpuSeconds() ?? 0) - before.machine,
  }
  const ours = new Set([...medusaPids(), ...postgresPids(db.dataDir), process.pid])
  const database = new URL(db.url).pathname.slice(1)
  const others = before.processes.stop().filter((p) => !ours.has(p.pid) && !p.command.includes(database))
  const serial = SERIAL_ITERATIONS > 0 ? await measure(1, SERIAL_ITERATIONS, 1, shopper) : null

  summary(`${CLIENTS} shoppers at once`, samples, promotions, true)
  const other = Math.max(0, cpu.machine - cpu.medusa - cpu.pg - cpu.self)
  console.log(
    `CPU over the ${measuredS.toFixed(0)} s measured: medusa ${cpu.medusa.toFixed(1)} s ` +
      `(${((cpu.medusa / samples.requests) * 1000).toFixed(0)} ms per request, both sides), postgres ${cpu.pg.toFixed(1)} s, ` +
      `load generator ${cpu.self.toFixed(1)} s, other processes ${other.toFixed(1)} s; machine ` +
      `${((cpu.machine / (2 * measuredS)) * 100).toFixed(0)}% busy of 2 cores`
  )
  printBusiest("what else ran meanwhile (CPU seconds over the measured window, sampled every 2 s)", others)
  if (serial) {
    summary("one shopper, after the above: no request waits behind the other side's, so each side's own cost shows undiluted", serial, promotions, false)
  }
  client.close()
  console.log(`\nmachine after the run: ${machineState()}`)
}

/** `iterations` per shopper, `clients` shoppers at once, in `rounds` (each reported as it ends). */
async function measure(clients: number, iterations: number, rounds: number, shopper: (side: Side) => Shopper) {
  console.log(
    `\nmeasuring: ${iterations} iterations per shopper, ${clients} shopper${clients > 1 ? "s" : ""} at once, in ${rounds} round(s); ` +
      `each iteration = create, apply, add, quantity for both sides, interleaved request by request`
  )
  const samples = emptySamples()
  const perRound = Math.ceil(iterations / rounds)
  for (let round = 1, done = 0; done < iterations; round++) {
    const count = Math.min(perRound, iterations - done)
    const roundSamples = emptySamples()
    const roundStarted = performance.now()
    await Promise.all(Array.from({ length: clients }, (_, c) => shopperLoop(c + done, count, shopper, roundSamples)))
    const roundMs = performance.now() - roundStarted
    mergeSamples(samples, roundSamples)
    done += count
    const update = (side: Side) => [...roundSamples.latency[side].add, ...roundSamples.latency[side].quantity]
    const apply = (side: Side) => roundSamples.latency[side].apply
    console.log(
      `  round ${round}: ${(roundSamples.requests / (roundMs / 1000)).toFixed(1)} req/s; cart update p50 ` +
        `native ${ms(percentile(update("native"), 0.5))} / marketing ${ms(percentile(update("marketing"), 0.5))} ms ` +
        `(ratio ${(percentile(update("marketing"), 0.5) / percentile(update("native"), 0.5)).toFixed(2)}), apply p50 ratio ` +
        `${(percentile(apply("marketing"), 0.5) / percentile(apply("native"), 0.5)).toFixed(2)}; ${roundSamples.failures} failed or wrong`
    )
  }
  return samples
}

// ---------------------------------------------------------------------------------------------
// Promotions

async function createPromotions(client: Client, seeded: Seeded): Promise<Record<Side, SidePromotions>> {
  const login = await client.request("POST", "/auth/user/emailpass", seeded.admin)
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${login.text}`)
  const admin = { authorization: `Bearer ${login.json.token}` }
  const productIds = (side: Side) => seeded.products[side].map((p) => p.productId)
  const post = async (url: string, body: unknown) => {
    const response = await client.request("POST", url, body, admin)
    if (response.status !== 200) throw new Error(`POST ${url}: ${response.status} ${response.text}`)
    return response.json
  }

  // Native: as a merchant creates them in Medusa's admin.
  const nativePromotion = (code: string, is_automatic: boolean, value: number) =>
    post("/admin/promotions", {
      code,
      type: "standard",
      status: "active",
      is_automatic,
      application_method: {
        type: "percentage",
        target_type: "items",
        allocation: "across",
        value,
        target_rules: [{ attribute: "items.product.id", operator: "in", values: productIds("native") }],
      },
      rules: [],
    })
  await nativePromotion("NATIVE-AUTO10", true, AUTOMATIC_PERCENT)
  await nativePromotion("NATIVE5", false, CODE_PERCENT)

  // Marketing: the same terms; the plugin mirrors them into native promotions.
  const marketingPromotion = (body: Record<string, unknown>) =>
    post("/admin/marketing/promotions", {
      type: "percentage",
      status: "active",
      target: { product_ids: productIds("marketing"), category_ids: [], collection_ids: [] },
      ...body,
    })
  const { promotion: automatic } = await marketingPromotion({ name: "Bench: 10% automatic", code_mode: "automatic", value: AUTOMATIC_PERCENT })
  await marketingPromotion({ name: "Bench: 5% shared code", code_mode: "shared", code: "MARKETING5", value: CODE_PERCENT })

  const { json } = await client.request(
    "GET",
    "/admin/promotions?limit=50&fields=code,status,is_automatic,campaign_id,*application_method,*application_method.target_rules,*rules",
    undefined,
    admin
  )
  console.log("\nnative promotions on the host (what Medusa's cart machinery evaluates):")
  for (const p of json.promotions) {
    console.log(
      `  ${p.code.padEnd(26)} ${p.status.padEnd(7)} ${p.is_automatic ? "automatic" : "code     "} ${p.application_method.value}% ` +
        `${p.application_method.target_type} ${p.application_method.allocation}, ${p.application_method.target_rules.length} target rule(s), ` +
        `${p.rules.length} cart rule(s), campaign ${p.campaign_id ?? "none"}`
    )
  }
  const sides: Record<Side, SidePromotions> = {
    native: { automatic: "NATIVE-AUTO10", code: "NATIVE5" },
    marketing: { automatic: automaticCode(automatic.id), code: "MARKETING5" },
  }
  for (const side of SIDES) {
    for (const code of Object.values(sides[side])) {
      if (!json.promotions.some((p: any) => p.code === code && p.status === "active")) throw new Error(`${side}: no active native promotion ${code}`)
    }
  }
  return sides
}

// ---------------------------------------------------------------------------------------------
// Shoppers

type Samples = {
  latency: Record<Side, Record<Op, number[]>>
  requests: number
  failures: number
  problems: string[]
  /** discount_total / item_subtotal after the quantity change, per side. */
  discountShare: Record<Side, number[]>
}
const emptySamples = (): Samples => ({
  latency: { native: { create: [], apply: [], add: [], quantity: [] }, marketing: { create: [], apply: [], add: [], quantity: [] } },
  requests: 0,
  failures: 0,
  problems: [],
  discountShare: { native: [], marketing: [] },
})
function mergeSamples(into: Samples, from: Samples) {
  for (const side of SIDES) {
    for (const op of OPS) into.latency[side][op].push(...from.latency[side][op])
    into.discountShare[side].push(...from.discountShare[side])
  }
  into.requests += from.requests
  into.failures += from.failures
  into.problems.push(...from.problems.slice(0, Math.max(0, 5 - into.problems.length)))
}

/** One shopper per side: a fresh cart each iteration, taken through create, apply, add, quantity. */
class Shopper {
  private cartId: string | null = null
  private addedLineId: string | null = null
  private broken = false

  constructor(
    private readonly client: Client,
    private readonly seeded: Seeded,
    readonly side: Side,
    private readonly promotions: SidePromotions
  ) {}

  private get headers() {
    return { "x-publishable-api-key": this.seeded.store.publishableKey }
  }

  /** Runs one operation; returns its latency when it answered as expected, else records the problem. */
  async step(op: Op, samples: Samples) {
    if (op === "create") {
      this.cartId = this.addedLineId = null
      this.broken = false
    }
    if (this.broken) return
    const [first, second] = this.seeded.products[this.side]
    const cart = `/store/carts/${this.cartId}`
    const call =
      op === "create"
        ? this.client.request("POST", "/store/carts", { region_id: this.seeded.store.regionId, items: [{ variant_id: first.variantId, quantity: 1 }] }, this.headers)
        : op === "apply"
          ? this.client.request("POST", `${cart}/promotions`, { promo_codes: [this.promotions.code] }, this.headers)
          : op === "add"
            ? this.client.request("POST", `${cart}/line-items`, { variant_id: second.variantId, quantity: 1 }, this.headers)
            : this.client.request("POST", `${cart}/line-items/${this.addedLineId}`, { quantity: 2 }, this.headers)
    const response = await call.catch((error): Answer => ({ status: 0, ms: 0, text: String(error), json: null }))
    samples.requests++
    const problem = response.status === 200 ? this.check(op, response.json.cart) : `${response.status} ${response.text.slice(0, 300)}`
    if (problem) {
      samples.failures++
      if (samples.problems.length < 5) samples.problems.push(`${this.side} ${op}: ${problem}`)
      this.broken = true
      return
    }
    samples.latency[this.side][op].push(response.ms)
    if (op === "quantity") {
      const c = response.json.cart
      samples.discountShare[this.side].push(Number(c.discount_total) / Number(c.item_subtotal))
    }
  }

  /** Each line carries exactly this side's adjustments: the automatic one, and the code once applied. */
  private check(op: Op, cart: any): string | null {
    if (!cart?.id) return "no cart in the answer"
    if (op === "create") this.cartId = cart.id
    const [first, second] = this.seeded.products[this.side]
    const expected = op === "create" ? [this.promotions.automatic] : [this.promotions.automatic, this.promotions.code]
    const items: any[] = cart.items ?? []
    const lines = op === "create" || op === "apply" ? 1 : 2
    if (items.length !== lines) return `${items.length} lines, expected ${lines}`
    for (const item of items) {
      const codes = [...new Set((item.adjustments ?? []).map((a: any) => a.code))].sort()
      if (codes.join(",") !== [...expected].sort().join(",")) return `line ${item.variant_id} has adjustments [${codes.join(", ")}], expected [${expected.join(", ")}]`
    }
    if (!(Number(cart.discount_total) > 0)) return `discount_total ${cart.discount_total}`
    if (op === "add") {
      const added = items.find((i) => i.variant_id === second.variantId)
      if (!added) return "added line missing"
      this.addedLineId = added.id
    }
    if (op === "quantity") {
      const added = items.find((i) => i.id === this.addedLineId)
      if (Number(added?.quantity) !== 2) return `quantity ${added?.quantity}, expected 2`
      if (!items.some((i) => i.variant_id === first.variantId)) return "first line missing"
    }
    return null
  }
}

/** `count` iterations of one shopper: each operation for both sides, one after the other, sides alternating first. */
async function shopperLoop(offset: number, count: number, shopper: (side: Side) => Shopper, samples: Samples) {
  const shoppers = { native: shopper("native"), marketing: shopper("marketing") }
  for (let i = 0; i < count; i++) {
    const order: Side[] = (offset + i) % 2 === 0 ? ["native", "marketing"] : ["marketing", "native"]
    for (const op of OPS) {
      for (const side of order) await shoppers[side].step(op, samples)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function summary(title: string, samples: Samples, promotions: Record<Side, SidePromotions>, judged: boolean) {
  const row = (label: string, native: number[], marketing: number[], target: string) => {
    const n50 = percentile(native, 0.5)
    const n95 = percentile(native, 0.95)
    const m50 = percentile(marketing, 0.5)
    const m95 = percentile(marketing, 0.95)
    const r50 = m50 / n50
    const r95 = m95 / n95
    const verdict = r50 <= TARGET_RATIO && r95 <= TARGET_RATIO ? "PASS" : "FAIL"
    console.log(
      `${label.padEnd(46)} ${`${ms(n50)} / ${ms(n95)}`.padStart(15)}  ${`${ms(m50)} / ${ms(m95)}`.padStart(15)}  ` +
        `${`${r50.toFixed(2)} / ${r95.toFixed(2)}`.padStart(11)}  ${String(Math.min(native.length, marketing.length)).padStart(7)}  ` +
        (target !== "headline" ? target : judged ? `<= ${TARGET_RATIO.toFixed(2)} (p50 and p95)  ${verdict}` : "not judged (few samples: p95 rough)")
    )
  }
  const l = samples.latency
  console.log(`\n=== bench:checkout: ${title} (production build, interleaved; latency in ms)`)
  console.log(
    `${"operation".padEnd(46)} ${"native p50/p95".padStart(15)}  ${"mktg p50/p95".padStart(15)}  ${"ratio p50/p95".padStart(11)}  ${"samples".padStart(7)}  target`
  )
  row("cart update (add line + change quantity)", [...l.native.add, ...l.native.quantity], [...l.marketing.add, ...l.marketing.quantity], "headline")
  row(LABELS.add, l.native.add, l.marketing.add, "(part of the headline)")
  row(LABELS.quantity, l.native.quantity, l.marketing.quantity, "(part of the headline)")
  row(LABELS.apply, l.native.apply, l.marketing.apply, "none given (informational)")
  row(LABELS.create, l.native.create, l.marketing.create, "none given (informational)")
  const share = (side: Side) => {
    const values = samples.discountShare[side]
    const min = Math.min(...values)
    const max = Math.max(...values)
    return `${(min * 100).toFixed(2)}%${max !== min ? `..${(max * 100).toFixed(2)}%` : ""}`
  }
  console.log(
    `correctness: ${samples.requests} measured requests, ${samples.failures} failed or wrong => ${samples.failures ? "PROBLEMS" : "OK"}; every answer ` +
      `checked: each line carries exactly its side's adjustments (native ${promotions.native.automatic} + ${promotions.native.code}, ` +
      `marketing ${promotions.marketing.automatic} + ${promotions.marketing.code}); discount after the quantity change: ` +
      `native ${share("native")}, marketing ${share("marketing")} of the item subtotal`
  )
  for (const problem of samples.problems) console.log(`  ${problem}`)
}

async function cpuWindow(windowMs: number) {
  const watch = watchProcesses(windowMs)
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  return watch.stop().filter((p) => p.pid !== process.pid)
}

/** The busiest commands; PostgreSQL backends are grouped by database, processes of the same command summed. */
function printBusiest(title: string, rows: { pid: number; cpu: number; command: string }[]) {
  const groups = new Map<string, { cpu: number; processes: number }>()
  for (const row of rows) {
    const key = row.command.replace(/\s\d+\.\d+\.\d+\.\d+\(\d+\).*$/, "").slice(0, 110)
    const group = groups.get(key) ?? { cpu: 0, processes: 0 }
    group.cpu += row.cpu
    group.processes++
    groups.set(key, group)
  }
  const top = [...groups].sort((a, b) => b[1].cpu - a[1].cpu).filter(([, g]) => g.cpu >= 0.05).slice(0, 8)
  console.log(`${title}: ${top.length ? "" : "nothing notable"}`)
  for (const [command, g] of top) {
    console.log(`  ${g.cpu.toFixed(1).padStart(6)} s  ${`${g.processes} process${g.processes > 1 ? "es" : ""}`.padEnd(13)} ${command}`)
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

type Answer = { status: number; ms: number; text: string; json: any }
type Client = ReturnType<typeof httpClient>

/** Keep-alive JSON client; the time runs from sending the request to the last byte of the answer. */
function httpClient(base: string) {
  const { hostname, port } = new URL(base)
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 })
  return {
    close: () => agent.destroy(),
    request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      return new Promise<Answer>((resolve, reject) => {
        const sent = performance.now()
        const request = http.request(
          {
            hostname,
            port,
            path,
            method,
            agent,
            headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}) },
          },
          (response) => {
            const chunks: Buffer[] = []
            response.on("data", (chunk) => chunks.push(chunk))
            response.on("end", () => {
              const elapsed = performance.now() - sent
              const text = Buffer.concat(chunks).toString("utf8")
              let json: any = null
              try {
                json = JSON.parse(text)
              } catch {
                // not JSON: the text tells
              }
              resolve({ status: response.statusCode ?? 0, ms: elapsed, text, json })
            })
            response.on("error", reject)
          }
        )
        request.on("error", reject)
        request.end(payload)
      })
    },
  }
}

runBenchmark(main)
