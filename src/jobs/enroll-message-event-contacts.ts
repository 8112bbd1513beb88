import { MedusaContainer } from "@medusajs/framework/types"
import { enrollMessageEventContactsWorkflow } from "../workflows/automation/workflows/enroll-message-event-contacts"

/**
 * Reads recorded opens, clicks and bounces every minute instead of subscribing to them: the tracking
 * routes record events in batches, and a workflow per open would cost them more than the journey gains.
 */
export default async function enrollMessageEventContactsJob(container: MedusaContainer) {
  await enrollMessageEventContactsWorkflow(container).run()
}

export const config = {
  name: "marketing-enroll-message-event-contacts",
  schedule: "* * * * *",
}
