import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import {
  backdateMessages,
  createReachableContacts,
  createScheduledCampaign,
  Sinks,
  startDeliverySinks,
  useDeliverySuite,
} from "../helpers/delivery"

jest.setTimeout(120_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "smtp" })
})
afterAll(async () => sinks.close())

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    it("links the text part of a sent email through tracked clicks that lead to the recorded URLs", async () => {
      await createReachableContacts(t.container, 1, "plain")
      const campaign = await createScheduledCampaign(api, t.admin, {
        dsl: "email = 'plain0@example.com'",
        body: `<html><body><p>Hi {{ contact.first_name }}, see <a href="https://shop.example.com/sale">the sale</a>
or <a href="https://shop.example.com/new">https://shop.example.com/new</a>.</p></body></html>`,
      })
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const [message] = await t.messaging.listMessages({ campaign_id: campaign.id })
      // Clicks right after sending look like a link scanner's: these come from a reader, later.
      await backdateMessages(t.container, [message.id])

      const [received] = sinks.smtp.messages()
      const { text } = await received.parsed()
      expect(text).not.toContain("https://shop.example.com/")
      const clicks = [...text!.matchAll(/https?:\/\/\S+\/marketing\/t\/c\/\S+?\/\d+/g)].map(([url]) => new URL(url).pathname)
      expect(clicks).toHaveLength(2)

      const reader = { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }, maxRedirects: 0, validateStatus: () => true }
      const destinations = []
      for (const path of clicks) destinations.push((await api.get(path, reader)).headers.location)
      expect(destinations).toEqual(["https://shop.example.com/sale", "https://shop.example.com/new"])
      const events = await t.messaging.listMessageEvents({ message_id: message.id, type: "click" }, { order: { created_at: "ASC" } })
      expect(events.map((event) => event.url).sort()).toEqual(["https://shop.example.com/new", "https://shop.example.com/sale"])
    })
  },
})
