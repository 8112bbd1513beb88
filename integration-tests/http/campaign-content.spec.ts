import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { createReachableContacts, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"

jest.setTimeout(180_000)

const CAMPAIGNS = "/admin/marketing/campaigns"
const TEMPLATES = "/admin/marketing/campaign-templates"
const STOREFRONT = "https://shop.example.com"

/** One of each block that a merchandiser composes an email of. */
const blocks = [
  { type: "heading", text: `Hi {{ contact.first_name | default: "there" }} & welcome` },
  { type: "text", text: "Our spring range is in.\n\nTake a look." },
  { type: "image", src: "https://img.example.com/spring.png", alt: "Spring", href: null },
  { type: "button", label: "Shop the sale", url: "https://shop.example.com/sale" },
  { type: "products", products: [{ id: "prod_1", title: "Linen shirt", handle: "linen-shirt", image_url: null }] },
  { type: "code", label: "Your code" },
  { type: "divider" },
  { type: "footer", text: "Acme Shop, Berlin" },
]

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "smtp", options: { storefront_url: STOREFRONT } })
})
afterAll(async () => sinks.close())

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)
    const refused = async (promise: Promise<unknown>) => {
      const error: any = await promise.catch((e) => e)
      if (!error.response) throw new Error(`expected an HTTP error, got ${JSON.stringify(error?.data)}`)
      return error.response as { status: number; data: { message: string } }
    }
    const createCampaign = async (body: Record<string, unknown>) =>
      (await api.post(CAMPAIGNS, { name: "Spring", channel: "email", subject: "Spring is here", ...body }, t.admin.headers)).data.campaign

    describe("a campaign composed of blocks", () => {
      it("stores the blocks and compiles them into the responsive HTML body delivery sends, tracked", async () => {
        const [contact] = await createReachableContacts(t.container, 1, "blocks")
        const { data: segment } = await api.post(
          "/admin/marketing/segments",
          { name: "Blocks", handle: "blocks", dsl: "email = 'blocks0@example.com'" },
          t.admin.headers
        )
        const campaign = await createCampaign({
          subject: "{{ contact.first_name }}, spring is here",
          blocks,
          segment_id: segment.segment.id,
          scheduled_at: new Date(Date.now() + 60_000).toISOString(),
        })
        expect(campaign.blocks).toEqual(blocks)
        expect(campaign.body).toMatch(/^<!doctype html>/i)
        expect(campaign.body).toContain(`Hi {{ contact.first_name | default: "there" }} &amp; welcome`)
        expect(campaign.body).toContain(`href="${STOREFRONT}/products/linen-shirt"`)
        expect(campaign.body).toContain(`href="{{ unsubscribe_url }}"`)

        const { data: sample } = await api.post(`${CAMPAIGNS}/${campaign.id}/preview`, { sample: true }, t.admin.headers)
        expect(sample.preview.subject).toBe("Alex, spring is here")
        expect(sample.preview.html).toContain("Hi Alex &amp; welcome")
        expect(sample.preview.html).toContain("SAMPLE-CODE")

        await api.post(`${CAMPAIGNS}/${campaign.id}/transition`, { status: "scheduled" }, t.admin.headers)
        await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
        await drainMessageQueue(t.container)
        const [received] = sinks.smtp.messages()
        const { html, text, subject } = await received.parsed()
        expect(subject).toBe(`${contact.first_name}, spring is here`)
        expect(html).toContain(`Hi ${contact.first_name} &amp; welcome`)
        // Every link is tracked, the unsubscribe link is the contact's own, and the text part follows.
        expect(html).not.toContain(`href="${STOREFRONT}`)
        expect(html).toMatch(/href="[^"]+\/marketing\/t\/c\/[^"]+\/\d+"/)
        expect(html).toMatch(/href="[^"]+\/marketing\/t\/u\/[^"]+"/)
        expect(text).toContain(`Hi ${contact.first_name} & welcome`)
      })

      it("recompiles the body when the blocks change, and drops the blocks for HTML written by hand", async () => {
        const campaign = await createCampaign({ blocks })
        const { data: reblocked } = await api.post(
          `${CAMPAIGNS}/${campaign.id}`,
          { blocks: [{ type: "heading", text: "Summer" }] },
          t.admin.headers
        )
        expect(reblocked.campaign.body).toContain("Summer")
        expect(reblocked.campaign.body).not.toContain("spring range")

        const { data: copy } = await api.post(`${CAMPAIGNS}/${campaign.id}/duplicate`, {}, t.admin.headers)
        expect(copy.campaign.blocks).toEqual([{ type: "heading", text: "Summer" }])
        expect(copy.campaign.body).toContain("Summer")

        const { data: handWritten } = await api.post(`${CAMPAIGNS}/${campaign.id}`, { body: "<p>By hand</p>" }, t.admin.headers)
        expect(handWritten.campaign).toMatchObject({ body: "<p>By hand</p>", blocks: null })
      })

      it.each([
        [{ blocks: [{ type: "button", label: "Shop" }] }, "blocks: block 1: url is required for a button block"],
        [
          { blocks: [{ type: "heading", text: "Hi" }, { type: "image", src: "javascript:alert(1)", alt: "" }] },
          "blocks: block 2: image src must be an http(s) URL",
        ],
        [{ blocks: [{ type: "text", text: "Hi {{ contact.first_name" }] }, "blocks: block 1: text: Line 1, column 4"],
        [{ blocks: [{ type: "heading", text: "Hi" }], body: "<p>Hi</p>" }, "give one or the other"],
        [{ channel: "sms", blocks: [{ type: "heading", text: "Hi" }] }, "blocks: only an email is composed of blocks"],
      ])("refuses %j with a 400 that says what is wrong, and stores nothing", async (body, message) => {
        const response = await refused(api.post(CAMPAIGNS, { name: "Bad", channel: "email", ...body }, t.admin.headers))
        expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
        expect((await api.get(CAMPAIGNS, t.admin.headers)).data.count).toBe(0)
      })

      it("refuses blocks for a campaign that is not an email when only the blocks are sent", async () => {
        const sms = await createCampaign({ channel: "sms", subject: null, body: "Hi" })
        const response = await refused(api.post(`${CAMPAIGNS}/${sms.id}`, { blocks: [{ type: "divider" }] }, t.admin.headers))
        expect([response.status, response.data.message]).toEqual([400, expect.stringContaining("only an email is composed of blocks")])
      })
    })

    describe("campaign templates", () => {
      it("saves a campaign's content as a template, lists, changes and deletes it, each change audited", async () => {
        const { data: created } = await api.post(
          TEMPLATES,
          { name: "Spring promo", subject: "Spring is here", blocks },
          t.admin.headers
        )
        expect(created.campaign_template).toMatchObject({
          id: expect.stringMatching(/^mctpl_/),
          name: "Spring promo",
          blocks,
          body: null,
          created_by: t.admin.user.id,
        })
        const id = created.campaign_template.id

        const { data: list } = await api.get(`${TEMPLATES}?q=spring`, t.admin.headers)
        expect(list.campaign_templates.map((template: { id: string }) => template.id)).toEqual([id])

        const { data: updated } = await api.post(`${TEMPLATES}/${id}`, { name: "Spring, as HTML", body: "<p>Hi</p>" }, t.admin.headers)
        expect(updated.campaign_template).toMatchObject({ name: "Spring, as HTML", body: "<p>Hi</p>", blocks: null })

        const campaign = await createCampaign({ subject: created.campaign_template.subject, blocks: created.campaign_template.blocks })
        expect(campaign.body).toContain("Shop the sale")

        expect((await api.delete(`${TEMPLATES}/${id}`, t.admin.headers)).data).toEqual({ id, object: "campaign_template", deleted: true })
        expect((await refused(api.get(`${TEMPLATES}/${id}`, t.admin.headers))).status).toBe(404)

        const { data: audit } = await api.get(
          `/admin/marketing/audit-entries?resource_type=marketing_campaign_template&resource_id=${id}&order=created_at`,
          t.admin.headers
        )
        expect(audit.audit_entries.map((entry: { action: string }) => entry.action)).toEqual(["create", "update", "delete"])
      })

      it.each([
        [{ name: "Empty" }, "blocks or body: a template needs content"],
        [{ name: "Both", body: "<p>Hi</p>", blocks: [{ type: "divider" }] }, "a template holds one or the other"],
        [{ name: "Bad", blocks: [{ type: "button", label: "Go", url: "ftp://x" }] }, "blocks: block 1: button url must be an http(s) URL"],
        [{ name: " ", blocks: [{ type: "divider" }] }, "name must not be empty"],
      ])("refuses %j with a 400, storing nothing", async (body, message) => {
        const response = await refused(api.post(TEMPLATES, body, t.admin.headers))
        expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
        expect((await api.get(TEMPLATES, t.admin.headers)).data.count).toBe(0)
      })
    })
  },
})
