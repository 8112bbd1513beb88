import { z } from "@medusajs/framework/zod"
import Journey from "../../../../modules/automation/models/journey"
import JourneyEnrollment from "../../../../modules/automation/models/journey-enrollment"
import JourneyVersion from "../../../../modules/automation/models/journey-version"
import { fieldsUnder, listSchema, modelSchema } from "../../../utils/model-schema"
import { enrollmentFields, journeyDetailFields, journeyFields } from "./query-config"

export const AdminJourney = modelSchema(Journey, journeyFields)
export const AdminJourneyResponse = z.object({
  journey: AdminJourney.extend({ versions: z.array(modelSchema(JourneyVersion, fieldsUnder(journeyDetailFields, "versions"))) }),
})
export const AdminJourneyListResponse = listSchema("journeys", AdminJourney)

export const AdminJourneyEnrollment = modelSchema(JourneyEnrollment, enrollmentFields)
export const AdminJourneyEnrollmentListResponse = listSchema("enrollments", AdminJourneyEnrollment)
export const AdminContactJourneysResponse = listSchema(
  "enrollments",
  AdminJourneyEnrollment.extend({ journey_name: z.string().nullable() })
)

export const AdminJourneyTestRunResponse = z.object({
  version_id: z.string(),
  run_id: z.string(),
  /**
   * The steps the contact went through, each with how it left it and what it did or would have done: a wait's
   * `waited_until`, a send's `message`, another action's `action`, the end's `ended`.
   */
  path: z.array(z.looseObject({ step_id: z.string(), kind: z.string(), outcome: z.string().nullable() })),
})

export const AdminJourneyTemplatesResponse = z.object({
  templates: z.array(z.object({ key: z.string(), name: z.string(), description: z.string(), definition: z.record(z.string(), z.unknown()) })),
})

const count = z.number().int()
const messageFigures = z.object({ sent: count, delivered: count, opened: count, clicked: count, unsubscribed: count, orders: count })
export const AdminJourneyFiguresResponse = z.object({
  figures: z.array(
    z.object({
      journey_id: z.string(),
      enrolled: count,
      running: count,
      converted: count,
      completed: count,
      exited: count,
      failed: count,
      steps: z.array(z.object({ step_id: z.string(), at: count, failed: count, passed: count, messages: messageFigures })),
    })
  ),
})
