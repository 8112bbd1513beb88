import { MedusaContainer } from "@medusajs/framework/types"
import { enrollAbandonedCartsWorkflow } from "../workflows/automation/workflows/enroll-abandoned-carts"

/** Carts become abandoned by the clock, not by an event. */
export default async function enrollAbandonedCartsJob(container: MedusaContainer) {
  await enrollAbandonedCartsWorkflow(container).run()
}

export const config = {
  name: "marketing-enroll-abandoned-carts",
  schedule: "* * * * *",
}
