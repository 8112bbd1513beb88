// A few campaigns in every state a marketer meets first, made with the plugin's own workflows so the
// lifecycle rules apply: drafts, one-off sends scheduled weeks ahead, recurring ones live or paused.
// Two of them are ready to send now, each to a segment small enough to read every message of in the
// demo's inbox: the "Spring sale" email and the "Trail Runners back in stock" text.
import { MedusaContainer } from "@medusajs/framework/types"
import { createCampaignsWorkflow, transitionCampaignWorkflow } from "../../src/workflows/campaign/workflows"
import { createSegmentWorkflow } from "../../src/workflows/segment/workflows"
import { CreateSegmentDTO } from "../../src/types/audience/module"
import { CampaignDTO, CampaignStatus, CreateCampaignDTO } from "../../src/types/campaign/module"
import { CURRENCY } from "./store"

const inDays = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000)
  date.setUTCHours(hour, 0, 0, 0)
  return date
}

/**
 * The audiences of the two ready campaigns (50 and 80 contacts, of whom about 20 agreed to email and
 * 15 to texts), then those of the campaigns scheduled weeks ahead or recurring: none goes out without one.
 */
const segments: CreateSegmentDTO[] = [
  {
    name: "Regulars in Germany",
    handle: "regulars-germany",
    description: "Customers in Germany with ten orders or more.",
    dsl: "country = 'de' AND orders_count >= 10",
    kind: "live",
  },
  {
    name: "Footwear buyers in Spain",
    handle: "footwear-spain",
    description: "Customers in Spain who bought shoes, boots or trail runners.",
    dsl: "country = 'es' AND purchased(category = 'footwear')",
    kind: "live",
  },
  {
    name: "Top spenders",
    handle: "top-spenders",
    description: "Customers who spent 1,000 or more, for the perks and early access of the best customers.",
    dsl: "total_spent >= 1000",
    kind: "live",
  },
  {
    name: "Recent buyers",
    handle: "recent-buyers",
    description: "Customers with an order in the last 90 days, for the recurring newsletters.",
    dsl: "days_since_last_order <= 90",
    kind: "live",
  },
]

/**
 * What a store's newsletter looks like: personalised with Liquid, links into the shop (the demo has
 * no storefront, so they lead to example.com), and the contact's own unsubscribe link. The plugin
 * adds the open pixel and routes the links through its click tracking when it sends.
 */
const SPRING_SALE_EMAIL = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Spring sale at Northwind Outfitters</title>
</head>
<body style="margin:0;padding:0;background:#f3efe8;font-family:Helvetica,Arial,sans-serif;color:#1f2a24">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="padding:32px 12px">
    <tr><td align="center">
      <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px">
        <tr><td style="padding:28px 32px 0;font-size:13px;letter-spacing:2px;text-transform:uppercase;color:#4d7358">Northwind Outfitters</td></tr>
        <tr><td style="padding:12px 32px 0">
          <h1 style="margin:0;font-size:28px;line-height:1.25">Spring sale: 20% off the new season</h1>
        </td></tr>
        <tr><td style="padding:16px 32px 0;font-size:16px;line-height:1.6">
          <p style="margin:0 0 12px">Hi {{ contact.first_name | default: "there" }},</p>
          <p style="margin:0 0 12px">You have shopped with us {{ contact.orders_count }} times, so you hear it first: until Sunday,
            everything in the spring range is 20% off, from light jackets to trail runners.</p>
          {% if promotion_code != "" %}<p style="margin:0 0 12px">And because you are a regular, €10 off on top with your own
            code <strong style="letter-spacing:1px">{{ promotion_code }}</strong> (orders from €50, once).</p>{% endif %}
        </td></tr>
        <tr><td align="center" style="padding:12px 32px 20px">
          <a href="https://example.com/sale/spring?utm_source=newsletter&amp;utm_campaign=spring-sale"
             style="display:inline-block;padding:14px 28px;background:#2f5d45;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">Shop the spring sale</a>
        </td></tr>
        <tr><td style="padding:0 32px 24px;font-size:16px;line-height:1.6">
          <p style="margin:0">New this month: <a href="https://example.com/collections/footwear?utm_source=newsletter&amp;utm_campaign=spring-sale" style="color:#2f5d45">trail runners and light boots</a>
            for the first warm weekends.</p>
        </td></tr>
        <tr><td style="padding:16px 32px 28px;border-top:1px solid #e7e2d9;font-size:12px;line-height:1.5;color:#6b7280">
          You receive this email because you signed up for news from Northwind Outfitters.
          <a href="{{ unsubscribe_url }}" style="color:#6b7280">Unsubscribe</a>
        </td></tr>
      </table>
    </td></tr>
  </table>
</body>
</html>
`

/**
 * Each campaign with the path it takes through the lifecycle after it is created as a draft.
 * `segmentId` gives the id of a segment above by its handle.
 */
const campaigns = (
  segmentId: (handle: string) => string
): { campaign: Omit<CreateCampaignDTO, "created_by">; path: CampaignStatus[] }[] => [
  {
    campaign: {
      name: "Spring sale",
      description: "20% off the spring range for our regulars in Germany.",
      channel: "email",
      subject: "{{ contact.first_name | default: 'Hello' }}, 20% off the spring range starts now",
      body: SPRING_SALE_EMAIL,
      segment_id: segmentId("regulars-germany"),
      scheduled_at: inDays(5, 8),
      budget_amount: 300,
      budget_currency_code: CURRENCY,
    },
    path: ["scheduled"],
  },
  {
    campaign: {
      name: "Spring collection launch",
      description: "Announce the spring range to everyone who bought apparel last year.",
      channel: "email",
      subject: "Spring is here",
      budget_amount: 1500,
      budget_currency_code: CURRENCY,
    },
    path: [],
  },
  {
    campaign: {
      name: "Win back lapsed customers",
      description: "Customers without an order in six months get 15% off their next one.",
      channel: "email",
      subject: "We miss you: 15% off your next order",
      body: "It has been a while! Here is 15% off anything in the store, valid for two weeks.",
    },
    path: [],
  },
  {
    campaign: {
      name: "Black Friday early access",
      description: "Give the top spenders a head start on the sale.",
      channel: "email",
      subject: "Your Black Friday early access starts now",
      body: "As one of our best customers you can shop the sale 24 hours before everyone else.",
      segment_id: segmentId("top-spenders"),
      scheduled_at: inDays(21, 8),
      budget_amount: 2500,
      budget_currency_code: CURRENCY,
    },
    path: ["scheduled"],
  },
  {
    campaign: {
      name: "Trail Runners back in stock",
      channel: "sms",
      body: "Northwind: {{ contact.first_name | default: 'Hi' }}, the Trail Runners are back in all sizes. Reply STOP to opt out.",
      segment_id: segmentId("footwear-spain"),
      scheduled_at: inDays(10, 9),
    },
    path: ["scheduled"],
  },
  {
    campaign: {
      name: "Weekly new arrivals",
      description: "Every Monday morning: what arrived in the store last week.",
      channel: "email",
      subject: "New this week",
      body: "Fresh in the store this week, picked for you.",
      segment_id: segmentId("recent-buyers"),
      schedule_cron: "0 9 * * 1",
      schedule_timezone: "Europe/Amsterdam",
      budget_amount: 400,
      budget_currency_code: CURRENCY,
    },
    path: ["active"],
  },
  {
    campaign: {
      name: "VIP monthly perks",
      channel: "push",
      body: "Your VIP perks for this month are ready: free express shipping on every order.",
      segment_id: segmentId("top-spenders"),
      schedule_cron: "0 18 1 * *",
      schedule_timezone: "Europe/Berlin",
    },
    path: ["active"],
  },
  {
    campaign: {
      name: "Replenish your beauty favourites",
      description: "Paused while the new product range is photographed.",
      channel: "email",
      subject: "Running low?",
      body: "Time to restock the serum and hand cream you love.",
      segment_id: segmentId("recent-buyers"),
      schedule_cron: "0 10 * * 3",
      schedule_timezone: "Europe/Paris",
    },
    path: ["active", "paused"],
  },
]

async function seedSegments(container: MedusaContainer): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const segment of segments) {
    const { result } = await createSegmentWorkflow(container).run({ input: { segment } })
    ids.set(segment.handle, result.id)
  }
  return ids
}

export async function seedCampaigns(container: MedusaContainer, ownerId: string): Promise<number> {
  const segmentIds = await seedSegments(container)
  const planned = campaigns((handle) => segmentIds.get(handle)!)
  const { result: created } = await createCampaignsWorkflow(container).run({
    input: { campaigns: planned.map(({ campaign }) => ({ ...campaign, created_by: ownerId })) },
  })
  const idByName = new Map((created as CampaignDTO[]).map((campaign) => [campaign.name, campaign.id]))
  for (const { campaign, path } of planned) {
    for (const status of path) {
      await transitionCampaignWorkflow(container).run({ input: { id: idByName.get(campaign.name)!, status } })
    }
  }
  return created.length
}
