import { MedusaContainer } from "@medusajs/framework/types"
import { runDueJourneys } from "../lib/journey-runner"

/** Runs the journey steps that are due: ended waits, retries whose backoff ran out, expired claims. */
export default async function runDueJourneysJob(container: MedusaContainer) {
  await runDueJourneys(container, { budgetMs: 55_000 })
}

export const config = {
  name: "marketing-run-due-journeys",
  schedule: "* * * * *",
}
