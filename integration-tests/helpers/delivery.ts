import { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import Contact from "../../src/modules/audience/models/contact"
import AudienceModuleService from "../../src/modules/audience/service"
import MessagingModuleService from "../../src/modules/messaging/service"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "./admin"

// CommonJS sinks shared with the demo and the benchmarks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sinks = require("../../demo/sinks")

export const TWILIO = { accountSid: `AC${"0".repeat(31)}1`, authToken: "twilio-test-token" }
export const SENDGRID_KEY = "SG.test-key"
export const SES_CREDENTIALS = { access_key_id: "AKIDSESSTANDIN", secret_access_key: "ses-stand-in-secret" }

export type Sinks = { sendgrid: any; twilio: any; smtp: any; ses: any; sns: any; close: () => Promise<void> }

/**
 * Starts the local SendGrid, Twilio and SMTP stand-ins, and points the plugin's options at them
 * through MARKETING_OPTIONS_JSON. Call it in a beforeAll registered before the Medusa test runner,
 * which reads the configuration in its own beforeAll.
 */
export async function startDeliverySinks({
  emailProvider = "sendgrid",
  email: emailExtra = {},
  options: extraOptions = {},
  smtpDelayMs = 0,
}: {
  emailProvider?: "sendgrid" | "smtp" | "ses"
  email?: Record<string, unknown>
  options?: Record<string, unknown>
  smtpDelayMs?: number
} = {}): Promise<Sinks> {
  const sendgrid = await sinks.startSendGridServer({ apiKey: SENDGRID_KEY })
  const twilio = await sinks.startTwilioServer(TWILIO)
  const smtp = await sinks.startSmtpSink({ delayMs: smtpDelayMs })
  const ses = await sinks.startSesServer({ accessKeyId: SES_CREDENTIALS.access_key_id, configurationSets: ["marketing"] })
  const sns = await sinks.startSnsServer()
  const email = {
    sendgrid: { provider: "sendgrid", api_key: SENDGRID_KEY, from: "shop@example.com", base_url: sendgrid.url },
    smtp: { provider: "smtp", host: "127.0.0.1", port: smtp.port, from: "shop@example.com" },
    ses: {
      provider: "ses",
      region: "eu-west-1",
      from: "shop@example.com",
      configuration_set: "marketing",
      credentials: SES_CREDENTIALS,
      endpoint: ses.url,
      sns_topic_arns: [sns.topicArn],
      sns_test_url_prefix: sns.url,
    },
  }[emailProvider]
  process.env.MARKETING_OPTIONS_JSON = JSON.stringify({
    email: { ...email, ...emailExtra },
    sms: {
      provider: "twilio",
      account_sid: TWILIO.accountSid,
      auth_token: TWILIO.authToken,
      from: "+15005550006",
      base_url: twilio.url,
    },
    delivery: { retry_base_ms: 1000, retry_max_ms: 5000 },
    ...extraOptions,
  })
  return {
    sendgrid,
    twilio,
    smtp,
    ses,
    sns,
    close: async () => {
      delete process.env.MARKETING_OPTIONS_JSON
      await Promise.all([sendgrid.close(), twilio.close(), smtp.close(), ses.close(), sns.close()])
    },
  }
}

/** Contacts who may be emailed (and texted), straight into the audience. */
export async function createReachableContacts(
  container: MedusaContainer,
  count: number,
  prefix = "reader"
): Promise<InferTypeOf<typeof Contact>[]> {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  return audience.createContacts(
    Array.from({ length: count }, (_, i) => ({
      email: `${prefix}${i}@example.com`,
      phone: `+4915100000${String(i).padStart(3, "0")}`,
      first_name: `Reader${i}`,
      email_consent: "subscribed",
      sms_consent: "subscribed",
      source: "import",
    }))
  )
}

/** Creates a segment and a campaign for it, scheduled a minute ahead: due once the clock passes it. */
export async function createScheduledCampaign(
  api: any,
  admin: AdminSession,
  { channel = "email", dsl = "email CONTAINS '@'", body, subject = "Hello {{ contact.first_name }}" }: {
    channel?: "email" | "sms" | "push"
    dsl?: string
    body?: string
    subject?: string
  } = {}
) {
  const handle = `audience-${Math.random().toString(36).slice(2, 8)}`
  const { data: segment } = await api.post("/admin/marketing/segments", { name: handle, handle, dsl }, admin.headers)
  const { data } = await api.post(
    "/admin/marketing/campaigns",
    {
      name: `Campaign ${handle}`,
      channel,
      subject: channel === "sms" ? undefined : subject,
      body:
        body ??
        (channel === "email"
          ? `<html><body><p>Hi {{ contact.first_name }}</p><a href="https://shop.example.com/sale?x=1&amp;y=2">Sale</a> <a href="https://shop.example.com/new">New</a></body></html>`
          : "Hi {{ contact.first_name }}, 20% off today"),
      segment_id: segment.segment.id,
      scheduled_at: new Date(Date.now() + 60_000).toISOString(),
    },
    admin.headers
  )
  await api.post(`/admin/marketing/campaigns/${data.campaign.id}/transition`, { status: "scheduled" }, admin.headers)
  return data.campaign as { id: string; name: string }
}

/** Moves messages' send time into the past, as if they had been sent a while ago (machine-click windows are short). */
export async function backdateMessages(container: MedusaContainer, ids: string[], seconds = 3600) {
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  await messaging.updateMessages(ids.map((id) => ({ id, sent_at: new Date(Date.now() - seconds * 1000) })))
}

export type DeliverySuite = {
  admin: AdminSession
  container: MedusaContainer
  messaging: MessagingModuleService
  audience: AudienceModuleService
}

/** Per test: an admin session and the plugin's services, with what the sinks received cleared. */
export function useDeliverySuite(api: any, getContainer: () => MedusaContainer, sinks: () => Sinks): DeliverySuite {
  const suite = {} as DeliverySuite
  beforeEach(async () => {
    suite.container = getContainer()
    suite.admin = await createAdminSession(api, suite.container)
    suite.messaging = suite.container.resolve(MarketingModule.MESSAGING)
    suite.audience = suite.container.resolve(MarketingModule.AUDIENCE)
    sinks().sendgrid.reset()
    sinks().twilio.reset()
    sinks().smtp.reset()
    sinks().ses.reset()
    sinks().sns.reset()
  })
  return suite
}
