import type { EnrollmentState, JourneyStatus } from "../../types/automation"
import type { JourneyDefinition, JourneyDefinitionInput } from "../../modules/automation/lib/journey-schema"
import type { DryRunStep, JourneyFigures } from "../../types/http/automation"
import type { PageResponse } from "../lib/page-query"

export type { JourneyFigures, DryRunStep }

/** One version of a journey: the draft being edited (no `published_at`) or a published one. */
export interface AdminJourneyVersion extends Omit<JourneyDefinition, "graph"> {
  id: string
  number: number
  graph: JourneyDefinition["graph"]
  published_at: string | null
  published_by: string | null
}

export interface AdminJourney {
  id: string
  name: string
  description: string | null
  status: JourneyStatus
  live_version_id: string | null
  trigger_kind: string | null
  created_at: string
  updated_at: string
  /** On the detail route only. */
  versions?: AdminJourneyVersion[]
}

export interface AdminJourneyResponse {
  journey: AdminJourney
}

export interface AdminJourneyListResponse extends PageResponse {
  journeys: AdminJourney[]
}

/** One run of one contact through one version (`GET /admin/marketing/journeys/:id/enrollments`). */
export interface AdminJourneyEnrollment {
  id: string
  journey_id: string
  version_id: string
  contact_id: string
  state: EnrollmentState
  step_id: string | null
  sequence: number
  due_at: string | null
  attempts: number
  last_error: string | null
  entered_at: string
  ended_at: string | null
  converted_order_id: string | null
  revenue: number | null
  currency_code: string | null
}

export interface AdminJourneyEnrollmentListResponse extends PageResponse {
  enrollments: AdminJourneyEnrollment[]
}

/** `GET /admin/marketing/contacts/:id/journeys`: the contact's enrollments, each with its journey's name. */
export interface AdminContactJourneysResponse extends PageResponse {
  enrollments: (AdminJourneyEnrollment & { journey_name: string | null })[]
}

export interface JourneyTemplate {
  key: string
  name: string
  description: string
  definition: JourneyDefinitionInput
}

/** Something that keeps a journey from going live (or from running today), located in its definition. */
export interface JourneyProblem {
  code: string
  message: string
  path: (string | number)[]
  step_id?: string
  line?: number
  column?: number
}

export interface JourneyTestResponse {
  version_id: string
  run_id: string
  path: DryRunStep[]
}
