import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { createReachableContacts, createScheduledCampaign, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"

jest.setTimeout(120_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "ses" })
})
afterAll(async () => sinks.close())

type SesEmail = { message_id: string; from: string; to: string[]; subject: string; html?: string; tags: Record<string, string> }

/** An SES event about a message the stand-in accepted, as the configuration set publishes it. */
const sesEvent = (sent: SesEmail, eventType: string, detail: Record<string, unknown>) => ({
  eventType,
  mail: {
    timestamp: new Date().toISOString(),
    source: sent.from,
    messageId: sent.message_id,
    destination: sent.to,
    tags: { "ses:configuration-set": ["marketing"], ...Object.fromEntries(Object.entries(sent.tags).map(([name, value]) => [name, [value]])) },
  },
  ...detail,
})

const bounce = (sent: SesEmail) =>
  sesEvent(sent, "Bounce", {
    bounce: {
      bounceType: "Permanent",
      bounceSubType: "General",
      bouncedRecipients: [{ emailAddress: sent.to[0], action: "failed", status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown" }],
      timestamp: new Date().toISOString(),
      feedbackId: `feedback-${sent.message_id}`,
    },
  })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    /** SNS posts its JSON as text/plain. */
    const postToSns = (message: unknown) =>
      api.post("/marketing/webhooks/ses", JSON.stringify(message), {
        headers: { "content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": (message as { Type: string }).Type },
        validateStatus: () => true,
      })

    it("sends a campaign through SES, and takes in its bounces, complaints and deliveries from SNS, signed only and once each", async () => {
      await createReachableContacts(t.container, 3, "amazon")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'amazon'" })
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const messages = await t.messaging.listMessages({ campaign_id: campaign.id }, { order: { to: "ASC" } })

      const emails: SesEmail[] = sinks.ses.messages()
      const sentTo = (address: string) => emails.find((email) => email.to[0] === address)!
      expect(messages.map((m) => m.status)).toEqual(["sent", "sent", "sent"])
      for (const [index, message] of messages.entries()) {
        const sent = sentTo(message.to)
        expect(sent).toMatchObject({ from: "shop@example.com", to: [`amazon${index}@example.com`], subject: `Hello Reader${index}` })
        expect(sent.html).toContain(`<p>Hi Reader${index}</p>`)
        expect(sent.tags).toEqual({ marketing_message_id: message.id })
        expect(message.provider_message_id).toBe(sent.message_id)
      }
      expect(emails).toHaveLength(3)

      // The subscription SES's topic makes to this route is confirmed by fetching its SubscribeURL.
      const subscribed = await postToSns(sinks.sns.subscriptionConfirmation())
      expect([subscribed.status, subscribed.data]).toEqual([200, { confirmed: true }])
      expect(sinks.sns.confirmations).toEqual([{ topicArn: sinks.sns.topicArn, token: expect.any(String) }])

      const [bounced, complained, delivered] = messages
      const hardBounce = sinks.sns.notification(bounce(sentTo(bounced.to)))
      const forgeries = [
        { ...hardBounce, Message: JSON.stringify(bounce(sentTo(delivered.to))) },
        { ...hardBounce, TopicArn: "arn:aws:sns:eu-west-1:999999999999:someone-elses" },
        { ...hardBounce, SigningCertURL: "https://attacker.example.com/SimpleNotificationService-1.pem" },
        { ...hardBounce, Signature: undefined },
        JSON.parse(JSON.stringify(bounce(sentTo(bounced.to)))),
      ]
      for (const forged of forgeries) expect((await postToSns(forged)).status).toBe(401)
      expect(await t.messaging.listMessageEvents({ message_id: messages.map((m) => m.id) })).toHaveLength(0)
      expect(await t.audience.isSuppressed("email", bounced.to)).toBe(false)

      const accepted = await postToSns(hardBounce)
      expect([accepted.status, accepted.data]).toEqual([200, { received: 1, recorded: 1 }])
      // SNS delivers a notification again when it is unsure we got it.
      const redelivered = await postToSns(hardBounce)
      expect([redelivered.status, redelivered.data]).toEqual([200, { received: 1, recorded: 0 }])

      const complaint = sesEvent(sentTo(complained.to), "Complaint", {
        complaint: { complainedRecipients: [{ emailAddress: complained.to }], timestamp: new Date().toISOString(), feedbackId: "c1", complaintFeedbackType: "abuse" },
      })
      const delivery = sesEvent(sentTo(delivered.to), "Delivery", {
        delivery: { timestamp: new Date().toISOString(), recipients: [delivered.to], smtpResponse: "250 2.0.0 OK" },
      })
      expect((await postToSns(sinks.sns.notification(complaint, { signatureVersion: "1" }))).data).toEqual({ received: 1, recorded: 1 })
      expect((await postToSns(sinks.sns.notification(delivery))).data).toEqual({ received: 1, recorded: 1 })

      const after = await t.messaging.listMessages({ id: messages.map((m) => m.id) }, { order: { to: "ASC" } })
      expect(after.map((m) => m.status)).toEqual(["bounced", "sent", "delivered"])
      expect(after[0].error).toContain("user unknown")
      expect(await t.audience.isSuppressed("email", bounced.to)).toBe(true)
      expect(await t.audience.isSuppressed("email", delivered.to)).toBe(false)
      const [suppression] = await t.audience.listSuppressions({ address: complained.to })
      expect(suppression.reason).toBe("complaint")
      // One download of the signing certificate for every message signed with it.
      expect(sinks.sns.certificateDownloads()).toBe(1)
    })

    it("answers 503 while SNS's signing certificate cannot be fetched, so that SNS delivers the event again, and records it once it can", async () => {
      await createReachableContacts(t.container, 1, "unfetched")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'unfetched'" })
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const [message] = await t.messaging.listMessages({ campaign_id: campaign.id })
      const [sent]: SesEmail[] = sinks.ses.messages()

      // A certificate this process has not fetched yet.
      sinks.sns.rotateCertificate()
      sinks.sns.failCertificateDownloads({ status: 500 }, "oversized")
      const hardBounce = sinks.sns.notification(bounce(sent))
      const unavailable = [await postToSns(hardBounce), await postToSns(hardBounce)]
      expect(unavailable.map((answer) => [answer.status, answer.data.message])).toEqual([
        [503, "SNS signing certificate could not be fetched: HTTP 500"],
        [503, `SNS signing certificate could not be fetched: larger than ${64 * 1024} bytes`],
      ])
      expect(await t.messaging.listMessageEvents({ message_id: message.id })).toHaveLength(0)

      const redelivered = await postToSns(hardBounce)
      expect([redelivered.status, redelivered.data]).toEqual([200, { received: 1, recorded: 1 }])
      expect((await t.messaging.retrieveMessage(message.id)).status).toBe("bounced")
      expect(sinks.sns.certificateDownloads()).toBe(3)
    })

    it("answers 502 when SNS cannot be told a subscription is confirmed, so that SNS sends the confirmation again", async () => {
      sinks.sns.failConfirmations(500)
      const confirmation = sinks.sns.subscriptionConfirmation()
      const refused = await postToSns(confirmation)
      expect([refused.status, refused.data.message]).toEqual([502, "SNS subscription could not be confirmed: HTTP 500"])
      expect(sinks.sns.confirmations).toEqual([])

      const confirmed = await postToSns(confirmation)
      expect([confirmed.status, confirmed.data]).toEqual([200, { confirmed: true }])
      expect(sinks.sns.confirmations).toHaveLength(1)
    })

    it("refuses a body that is not an SNS message with 400, and an SES event SNS did not sign with 401", async () => {
      const notJson = await api.post("/marketing/webhooks/ses", "not json", { headers: { "content-type": "text/plain" }, validateStatus: () => true })
      expect([notJson.status, notJson.data.message]).toEqual([400, "Webhook payload: SNS message is not JSON"])
      const signedNonsense = await postToSns(sinks.sns.notification("not an SES event"))
      expect(signedNonsense.status).toBe(400)
    })
  },
})
