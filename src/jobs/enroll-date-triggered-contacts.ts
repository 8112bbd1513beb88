import { MedusaContainer } from "@medusajs/framework/types"
import { enrollDateTriggeredContactsWorkflow } from "../workflows/automation/workflows/enroll-date-triggered-contacts"

/**
 * Hourly rather than daily: a date's moment is a time of day in each contact's timezone, so the
 * contacts of one day fall due across 26 hours; each run enrols those of the hour ahead, due at their moment.
 */
export default async function enrollDateTriggeredContactsJob(container: MedusaContainer) {
  await enrollDateTriggeredContactsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-enroll-date-triggered-contacts",
  schedule: "0 * * * *",
}
