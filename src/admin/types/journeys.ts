import type { JourneyStatus } from "../../types/automation"
import type { JourneyDefinition, JourneyDefinitionInput } from "../../modules/automation/lib/journey-schema"
import type { DryRunStep, JourneyFigures } from "../../types/automation/http"
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
