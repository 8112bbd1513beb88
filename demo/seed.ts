// Fills a freshly migrated database with the demo store: run by demo/run.mjs on the first start as
//   medusa exec ./demo/seed.ts <admin-email> <admin-password>
// Deterministic (one faker seed), so every machine gets the same store.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backfillAudience } from "../src/lib/backfill-audience"
import { seedAnalyticsHistory } from "./seed/analytics-history"
import { seedAdminUser } from "./seed/admin-user"
import { seedCampaigns } from "./seed/campaigns"
import { seedCatalog } from "./seed/catalog"
import { seedConsent } from "./seed/consent"
import { seedCustomers } from "./seed/customers"
import { seedJourneys } from "./seed/journeys"
import { seedOrders } from "./seed/orders"
import { seedPromotions } from "./seed/promotions"
import { seedRandom } from "./seed/random"
import { seedStore } from "./seed/store"

const FAKER_SEED = 2026

export default async function seedDemo({ container, args: [email, password] }: ExecArgs) {
  if (!email || !password) throw new Error("Usage: medusa exec ./demo/seed.ts <admin-email> <admin-password>")
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // The first demo start must stay under five minutes, so each part reports what it costs.
  const timed = async <T>(part: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now()
    const result = await run()
    logger.info(`Seeded ${part} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return result
  }

  seedRandom(FAKER_SEED)
  const store = await timed("store, region and shipping", () => seedStore(container))
  const variants = await timed("catalog", () => seedCatalog(container, store.salesChannelId))
  const customers = await timed("customers", () => seedCustomers(container))
  const orders = await timed("orders", () => seedOrders(container, { store, variants, customers }))
  const adminId = await timed("admin user", () => seedAdminUser(container, email, password))
  const campaigns = await timed("campaigns and their segments", () => seedCampaigns(container, adminId))
  // The seed writes to the core modules directly, past the subscribers: bring it all into the audience.
  await timed("marketing audience (contacts and purchases)", () => backfillAudience(container))
  const consent = await timed("marketing consent", () => seedConsent(container))
  const promotions = await timed("promotions and personal codes", () => seedPromotions(container))
  const journeys = await timed("journeys from the templates", () => seedJourneys(container, adminId))
  await timed("a year of marketing history (newsletters, engagement, attributed orders)", () => seedAnalyticsHistory(container))
  logger.info(
    `Demo store: ${new Set(variants.map((v) => v.productId)).size} products, ${customers.length} customers, ` +
      `${orders} orders, ${campaigns} campaigns, ${promotions} promotions, ${consent.email} contacts subscribed to email, ` +
      `${consent.sms} to SMS, ${journeys} live journeys`
  )
}
