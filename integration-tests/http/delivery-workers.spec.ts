import { ChildProcess, spawn } from "node:child_process"
import path from "node:path"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue, ROUNDS_IN_FLIGHT } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { campaignMessageKey, enqueueCampaignMessagesStep } from "../../src/workflows/delivery/steps/enqueue-campaign-messages"
import AuditModuleService from "../../src/modules/audit/service"
import CampaignModuleService from "../../src/modules/campaign/service"
import MessagingModuleService from "../../src/modules/messaging/service"
import { MarketingModule } from "../../src/types/modules"
import { createAdminSession } from "../helpers/admin"
import { createReachableContacts, createScheduledCampaign, Sinks, startDeliverySinks } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { holdCampaignRow } from "../helpers/row-lock"

jest.setTimeout(300_000)

const ROOT = path.resolve(__dirname, "../..")
const RECIPIENTS = 400
const BATCH = 25

let sinks: Sinks
beforeAll(async () => {
  // A busy mail server (20 ms a message) keeps a worker mid-send long enough to be killed there.
  sinks = await startDeliverySinks({
    emailProvider: "smtp",
    smtpDelayMs: 20,
    options: { delivery: { batch_size: BATCH, lease_seconds: 10, retry_base_ms: 1000, retry_max_ms: 2000 } },
  })
})
afterAll(async () => sinks.close())

/**
 * A dedicated delivery worker: `medusa exec` of the plugin's deliver-messages script, in its own
 * process, polling for `seconds` (a round under way when they are up is finished first, then it
 * exits). Resolves once it is polling the queue.
 */
async function startWorker(databaseUrl: string, seconds = 120): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/@medusajs/cli/cli.js"), "exec", "./src/scripts/deliver-messages.ts", String(seconds)],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "pipe"] }
  )
  await new Promise<void>((resolve, reject) => {
    let output = ""
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("polling")) resolve()
    }
    worker.stdout!.on("data", read)
    worker.stderr!.on("data", read)
    worker.once("exit", (code) => reject(new Error(`worker exited (${code}) before polling:\n${output}`)))
  })
  return worker
}

const exited = (worker: ChildProcess) =>
  new Promise<number | null>((resolve) => (worker.exitCode !== null ? resolve(worker.exitCode) : worker.once("exit", resolve)))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    it("loses nothing and resends only the batches in flight when a worker is killed mid-send", async () => {
      const container = getContainer()
      const admin = await createAdminSession(api, container)
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      await createReachableContacts(container, RECIPIENTS, "worker")
      const campaign = await createScheduledCampaign(api, admin)
      const databaseUrl = `${dbConfig.clientUrl.replace(/\/[^/]*$/, "")}/${dbConfig.dbName}`

      // Two dedicated workers (and the server itself) share the queue; one is killed (SIGKILL, no
      // cleanup) while it holds claims: messages it may or may not have handed to the mail server.
      const [doomed, survivor] = await Promise.all([startWorker(databaseUrl), startWorker(databaseUrl)])
      await sendDueCampaigns(container, new Date(Date.now() + 120_000))
      const claimedByDoomed = () =>
        messaging.listMessages(
          { campaign_id: campaign.id, status: "sending", claimed_by: { $like: `%:${doomed.pid}` } },
          { select: ["id"] }
        )
      await eventually(claimedByDoomed, (rows) => rows.length > 0 && sinks.smtp.messages().length >= 40, 60_000)
      doomed.kill("SIGKILL")
      await exited(doomed)
      expect(sinks.smtp.messages().length).toBeLessThan(RECIPIENTS)
      expect((await claimedByDoomed()).length).toBeGreaterThan(0)

      // A restarted worker picks up the dead one's claims once they expire.
      const restarted = await startWorker(databaseUrl)
      const unsent = () => messaging.listMessages({ campaign_id: campaign.id, status: ["queued", "sending"] }, { select: ["id"] })
      await eventually(unsent, (rows) => rows.length === 0, 120_000)
      await Promise.all([survivor, restarted].map((w) => (w.kill("SIGTERM"), exited(w))))

      const messages = await messaging.listMessages({ campaign_id: campaign.id }, { take: null })
      expect(messages.filter((m) => m.status === "sent")).toHaveLength(RECIPIENTS)

      const received = sinks.smtp.messages()
      const byMessageId = new Map<string, number>()
      for (const email of received) byMessageId.set(email.headers["message-id"], (byMessageId.get(email.headers["message-id"]) ?? 0) + 1)
      // Everyone got their message...
      expect(byMessageId.size).toBe(RECIPIENTS)
      expect(new Set(received.map((e: any) => e.envelope.to[0])).size).toBe(RECIPIENTS)
      // ...and a second copy went only to the dead worker's batches in flight (one per round it ran), under the same Message-ID.
      const repeated = [...byMessageId.values()].filter((n) => n > 1)
      expect(repeated.every((n) => n === 2)).toBe(true)
      expect(repeated.length).toBeLessThanOrEqual(BATCH * ROUNDS_IN_FLIGHT)

      // Nothing is left for an in-process drain either.
      expect((await drainMessageQueue(container)).sent).toBe(0)
    })

    it("completes a campaign once when two worker processes find it finished at the same time", async () => {
      const container = getContainer()
      const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
      const audit: AuditModuleService = container.resolve(MarketingModule.AUDIT)
      // Sending with nothing left to send (its audience was empty): the first round of any worker finds it finished.
      const campaign = await campaigns.createMarketingCampaigns({
        name: "Finished", channel: "email", status: "sending", subject: "Hi", body: "<p>Hi</p>", scheduled_at: new Date(),
      })
      const databaseUrl = `${dbConfig.clientUrl.replace(/\/[^/]*$/, "")}/${dbConfig.dbName}`

      // Both workers read the campaign as sending, then queue on its row until both are there. They
      // poll for a second only: each exits once its round queued on the row is done, so both exits
      // mean that both completions have run to their end, the audit entry of a second included.
      const row = await holdCampaignRow(container, campaign.id)
      const workers = await Promise.all([startWorker(databaseUrl, 1), startWorker(databaseUrl, 1)])
      await row.release(2, 60_000)
      expect(await Promise.all(workers.map(exited))).toEqual([0, 0])
      const completions = () => audit.listAuditEntries({ resource_id: campaign.id, action: "transition" })

      expect((await campaigns.retrieveMarketingCampaign(campaign.id)).status).toBe("sent")
      const entries = await completions()
      expect(entries).toHaveLength(1)
      expect(entries[0].changes).toEqual({ status: { from: "sending", to: "sent" } })
    })

    it("takes back only what it queued when a fan-out fails while another run of the same send succeeded", async () => {
      const container = getContainer()
      const admin = await createAdminSession(api, container)
      const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      const [first, second] = await createReachableContacts(container, 2, "fanout")
      const scheduled = await createScheduledCampaign(api, admin, { dsl: "email CONTAINS 'fanout'" })
      const campaign = await campaigns.retrieveMarketingCampaign(scheduled.id)

      // Another process's run of this send (the send lock is per process) queued the first contact,
      // for tomorrow so that no delivery round sends it while this test looks.
      const tomorrow = new Date(Date.now() + 86_400_000)
      await messaging.enqueueMessages(
        [{
          campaign_id: campaign.id, occurrence: "once", contact_id: first.id, channel: "email" as any, to: first.email!,
          idempotency_key: campaignMessageKey(campaign.id, first.id, "email", "once"), not_before: tomorrow, queued_by: "the-other-run",
        }],
        null
      )
      // This run queues the rest of the audience, then a later step of its workflow fails.
      const failing = createStep("marketing-test-fan-out-fails", async () => {
        throw new Error("fan-out failed")
      })
      const fanOutThenFail = createWorkflow("marketing-test-fan-out-then-fail", (input: { campaign: any }) => {
        enqueueCampaignMessagesStep({ campaign: input.campaign, occurrence: "once" })
        failing()
      })
      const { errors } = await fanOutThenFail(container).run({ input: { campaign }, throwOnError: false })
      expect(errors[0].error.message).toBe("fan-out failed")

      const left = await messaging.listMessages({ campaign_id: campaign.id }, { select: ["contact_id", "status", "queued_by"] })
      const queuedForFirst = left.filter((m) => m.contact_id === first.id)
      expect(queuedForFirst).toEqual([expect.objectContaining({ status: "queued", queued_by: "the-other-run" })])
      // The failed run's own message is gone, unless delivery had already sent it before the failure.
      expect(left.filter((m) => m.contact_id === second.id && m.status === "queued")).toEqual([])
    })
  },
})
