import { MedusaContainer } from "@medusajs/framework/types"
import { backfillAudience } from "../lib/backfill-audience"

/** Nightly safety net: subscribers keep the audience current; this catches whatever they missed. */
export default async function backfillAudienceJob(container: MedusaContainer) {
  await backfillAudience(container)
}

export const config = {
  name: "marketing-backfill-audience",
  schedule: "30 3 * * *",
}
