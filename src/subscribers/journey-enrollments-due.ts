import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runDueJourneys } from "../lib/journey-runner"
import { JourneyEvents } from "../types/automation"

/** Runs new and woken enrollments at once, instead of at the next minute's job. */
export default async function journeyEnrollmentsDue({ container }: SubscriberArgs<Record<string, never>>) {
  // Not awaited: the event bus should not wait for a round of journeys.
  runDueJourneys(container).catch((error) =>
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Marketing journeys failed: ${error.message}`)
  )
}

export const config: SubscriberConfig = {
  event: JourneyEvents.ENROLLMENTS_DUE,
  context: { subscriberId: "marketing-journey-enrollments-due" },
}
