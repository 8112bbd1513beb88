// A few campaigns in every state a marketer meets first, made with the plugin's own workflows so the
// lifecycle rules apply: drafts, one-off sends scheduled weeks ahead, recurring ones live or paused.
import { MedusaContainer } from "@medusajs/framework/types"
import { createCampaignsWorkflow, transitionCampaignWorkflow } from "../../src/workflows/campaign/workflows"
import { CampaignDTO, CampaignStatus, CreateCampaignDTO } from "../../src/types/campaign/module"
import { CURRENCY } from "./store"

const inDays = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000)
  date.setUTCHours(hour, 0, 0, 0)
  return date
}

/** Each campaign with the path it takes through the lifecycle after it is created as a draft. */
const campaigns = (): { campaign: Omit<CreateCampaignDTO, "created_by">; path: CampaignStatus[] }[] => [
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
      body: "Good news: the Trail Runners are back in all sizes. Reply STOP to opt out.",
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
      schedule_cron: "0 10 * * 3",
      schedule_timezone: "Europe/Paris",
    },
    path: ["active", "paused"],
  },
]

export async function seedCampaigns(container: MedusaContainer, ownerId: string): Promise<number> {
  const planned = campaigns()
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
