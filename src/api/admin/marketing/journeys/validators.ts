import { z } from "@medusajs/framework/zod"
import { JourneyDefinition } from "../../../../modules/automation/lib/journey-schema"
import { EnrollmentState, JourneyStatus } from "../../../../types/automation"
import { findParams, idString, MAX_LENGTH, nameString, oneOrMany, selectParams } from "../../../utils/validators"
import { enrollmentFields, journeyFields } from "./query-config"

const name = z
  .string()
  .trim()
  .refine((value) => value.length > 0, { message: "name must not be empty" })
  .pipe(z.string().max(MAX_LENGTH.name))

export const AdminGetJourneysParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, journeyFields)
  .extend({
    q: nameString.optional(),
    id: oneOrMany(idString).optional(),
    status: oneOrMany(z.enum(JourneyStatus)).optional(),
    trigger_kind: oneOrMany(idString).optional(),
  })
  .strict()

export const AdminGetJourneyParams = selectParams()

/** A draft is stored when its definition has the journey's shape; publishing checks the rest. */
export const AdminCreateJourney = z.strictObject({
  name,
  description: z.string().max(MAX_LENGTH.text).nullish(),
  definition: JourneyDefinition,
})
export type AdminCreateJourneyType = z.infer<typeof AdminCreateJourney>

export const AdminUpdateJourney = z.strictObject({
  name: name.optional(),
  description: z.string().max(MAX_LENGTH.text).nullish(),
  definition: JourneyDefinition.optional(),
})
export type AdminUpdateJourneyType = z.infer<typeof AdminUpdateJourney>

export const AdminTransitionJourney = z.strictObject({ transition: z.enum(["pause", "resume", "archive"]) })
export type AdminTransitionJourneyType = z.infer<typeof AdminTransitionJourney>

export const AdminGetJourneyEnrollmentsParams = findParams({ limit: 50, offset: 0, order: "-entered_at" }, enrollmentFields)
  .extend({
    state: oneOrMany(z.enum(EnrollmentState)).optional(),
    contact_id: oneOrMany(idString).optional(),
    version_id: oneOrMany(idString).optional(),
    step_id: oneOrMany(idString).optional(),
  })
  .strict()

/** A contact's journeys: their enrollments in every journey, newest first. */
export const AdminGetContactJourneysParams = findParams({ limit: 10, offset: 0, order: "-entered_at" }, enrollmentFields)
  .extend({ state: oneOrMany(z.enum(EnrollmentState)).optional() })
  .strict()

/** Test a journey with one contact. */
export const AdminTestJourney = z.strictObject({ contact_id: idString.min(1) })
export type AdminTestJourneyType = z.infer<typeof AdminTestJourney>

export const AdminGetJourneyFiguresParams = z.strictObject({ journey_id: oneOrMany(idString.min(1)) })
export type AdminGetJourneyFiguresParamsType = z.infer<typeof AdminGetJourneyFiguresParams>
