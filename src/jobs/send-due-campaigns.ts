import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueCampaigns } from "../lib/send-due-campaigns"

/** Fans out one-off campaigns whose send time came and recurring ones whose next run did. */
export default async function sendDueCampaignsJob(container: MedusaContainer) {
  await sendDueCampaigns(container)
}

export const config = {
  name: "marketing-send-due-campaigns",
  schedule: "* * * * *",
}
