/**
 * `medusa exec ./bench/send-worker.ts`: a Medusa process that `bench/send.ts` drives over stdin.
 * Boots once (boot is not measured), then on command:
 *  - `prepare`: creates the benchmark segment (once) and a scheduled one-off email campaign for it;
 *  - `send`: runs the plugin's send-campaign workflow (the fan-out), whose `messages-queued` event
 *    starts this process's delivery drain through the plugin's subscriber, and waits until no
 *    message of the campaign is left queued;
 *  - `deliver`: starts the plugin's own `deliver-messages` exec script (a dedicated, polling delivery
 *    worker) and reports when the campaign is sent.
 * Timings of the plugin's service calls are taken by wrapping the module services' methods on
 * their instances (nothing in src/ changes); `profile` records a V8 CPU profile of the window.
 */
import inspector from "node:inspector"
import fs from "node:fs"
import { performance } from "node:perf_hooks"
import readline from "node:readline"
import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { drainMessageQueue, DrainResult } from "../src/lib/delivery-runner"
import deliverMessagesScript from "../src/scripts/deliver-messages"
import { MarketingModule } from "../src/types/modules"
import { sendCampaignWorkflow } from "../src/workflows/delivery/workflows/send-campaign"
import { CONTENT } from "./lib/campaign-content"

const PREFIX = "@@bench "
const say = (message: Record<string, unknown>) => process.stdout.write(`\n${PREFIX}${JSON.stringify(message)}\n`)

type Timing = { calls: number; ms: number; items: number }
let timings: Record<string, Timing> = {}

/** Wraps `object[method]` on the instance so that every call's duration (and result size) is counted under `name`. */
function timeMethod(object: any, method: string, name: string, count: (args: any[], result: any) => number = () => 0) {
  const original = object[method]
  if (typeof original !== "function") throw new Error(`${name}: no method ${method}`)
  object[method] = function (this: unknown, ...args: any[]) {
    const started = performance.now()
    const done = (result: any) => {
      const entry = (timings[name] ??= { calls: 0, ms: 0, items: 0 })
      entry.calls++
      entry.ms += performance.now() - started
      entry.items += count(args, result)
      return result
    }
    return original.apply(this, args).then(done)
  }
}

function instrument(container: MedusaContainer) {
  const messaging: any = container.resolve(MarketingModule.MESSAGING)
  const audience: any = container.resolve(MarketingModule.AUDIENCE)
  const campaigns: any = container.resolve(MarketingModule.CAMPAIGN)
  const length = (_args: any[], result: any) => (Array.isArray(result) ? result.length : 0)
  timeMethod(audience, "reachableContacts", "fan-out: read reachable contacts (SQL)", length)
  timeMethod(messaging, "enqueueMessages", "fan-out: insert queued messages (SQL)", (args) => args[0].length)
  timeMethod(messaging, "claimMessages", "delivery: claim batch (SQL)", length)
  timeMethod(campaigns, "listMarketingCampaigns", "delivery: load campaigns (ORM)")
  timeMethod(audience, "contactFields", "delivery: load contacts (SQL)", length)
  timeMethod(messaging, "recordOutcomes", "delivery: record outcomes + links (SQL)", (args) => args[1].length)
  timeMethod(messaging, "campaignsWithUnsentMessages", "delivery: campaign finished? (SQL)")
  const provider = messaging.provider("email")
  if (provider) timeMethod(provider, "send", `delivery: provider.send (${provider.name})`, (args) => args[0].length)
}

async function queuedCount(container: MedusaContainer, campaignId: string): Promise<number> {
  const knex: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    "SELECT count(*)::int AS n FROM marketing_message WHERE campaign_id = ? AND status = 'queued' AND deleted_at IS NULL",
    [campaignId]
  )
  return rows[0].n
}

/** Measures what the process itself spent over a window: CPU time and how busy its event loop was. */
function window() {
  const cpu = process.cpuUsage()
  const elu = performance.eventLoopUtilization()
  const started = Date.now()
  timings = {}
  return () => {
    const used = process.cpuUsage(cpu)
    return {
      wall_ms: Date.now() - started,
      cpu_ms: (used.user + used.system) / 1000,
      event_loop_utilization: performance.eventLoopUtilization(elu).utilization,
      timings,
    }
  }
}

async function withProfile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work()
  const session = new inspector.Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))))
  await post("Profiler.enable")
  await post("Profiler.setSamplingInterval", { interval: 500 })
  await post("Profiler.start")
  try {
    return await work()
  } finally {
    const { profile } = await post("Profiler.stop")
    fs.writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}

async function segmentFor(container: MedusaContainer, handle: string, dsl: string): Promise<string> {
  const audience: any = container.resolve(MarketingModule.AUDIENCE)
  const [existing] = await audience.listSegments({ handle }, { select: ["id"] })
  return existing?.id ?? (await audience.createSegments({ name: `Benchmark: ${handle}`, handle, dsl })).id
}

async function prepare(container: MedusaContainer, name: string, handle: string, dsl: string, content: keyof typeof CONTENT) {
  const campaigns: any = container.resolve(MarketingModule.CAMPAIGN)
  const segmentId = await segmentFor(container, handle, dsl)
  const campaign = await campaigns.createMarketingCampaigns({
    name,
    channel: "email",
    status: "scheduled",
    subject: CONTENT[content].subject,
    body: CONTENT[content].body,
    segment_id: segmentId,
    // Far ahead: only the benchmark's "send now" sends it, never the scheduler.
    scheduled_at: new Date(Date.now() + 365 * 86_400_000),
  })
  return campaign.id as string
}

async function send(container: MedusaContainer, campaignId: string, profile?: string) {
  const measured = window()
  return withProfile(profile, async () => {
    const t0 = Date.now()
    const { result } = await sendCampaignWorkflow(container).run({ input: { id: campaignId, send_now: true } })
    const t1 = Date.now()
    say({ event: "fanned_out", t0, t1, queued: result.queued, reachable: result.reachable })
    // The workflow's messages-queued event has started this process's drain (src/subscribers/messages-queued.ts);
    // drainMessageQueue joins it, and starts another when a drain's time budget ran out with messages left.
    const total: DrainResult = { rounds: 0, sent: 0, retried: 0, failed: 0 }
    let drains = 0
    for (;;) {
      const drained = await drainMessageQueue(container, { budgetMs: 3_600_000 })
      drains++
      for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += drained[key]
      if ((await queuedCount(container, campaignId)) === 0) break
      if (drained.rounds === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return { t2: Date.now(), drains, ...total, ...measured() }
  })
}

/**
 * Starts the plugin's dedicated-worker script (which polls for due messages for `seconds`) and
 * reports once the campaign has been sent, whoever sent it; the script keeps polling until the
 * process is stopped.
 */
async function deliver(container: MedusaContainer, campaignId: string, seconds: number) {
  const measured = window()
  const t0 = Date.now()
  // As `medusa exec .../scripts/deliver-messages.js <seconds>` runs it.
  deliverMessagesScript({ container, args: [String(seconds)] } as unknown as ExecArgs).catch((error) =>
    say({ event: "error", message: `deliver-messages: ${error?.stack ?? error}` })
  )
  say({ event: "delivering" })
  const knex: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (;;) {
    const { rows } = await knex.raw("SELECT status FROM marketing_campaign WHERE id = ?", [campaignId])
    if (rows[0]?.status === "sent") break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { t0, t2: Date.now(), ...measured() }
}

export default async function benchSendWorker({ container }: ExecArgs) {
  instrument(container)
  say({ event: "ready", pid: process.pid })
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue
    const command = JSON.parse(line)
    try {
      if (command.cmd === "prepare") say({ event: "prepared", id: await prepare(container, command.name, command.handle, command.dsl, command.content) })
      else if (command.cmd === "send") say({ event: "drained", ...(await send(container, command.id, command.profile)) })
      else if (command.cmd === "deliver") say({ event: "delivered", ...(await deliver(container, command.id, command.seconds ?? 3600)) })
      else if (command.cmd === "quit") break
      else throw new Error(`unknown command ${line}`)
    } catch (error) {
      say({ event: "error", message: (error as Error).stack ?? String(error) })
    }
  }
}
