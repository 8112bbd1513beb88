import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient, UseQueryResult } from "@tanstack/react-query"
import type { EnrollmentState, JourneyStatus } from "../../types/automation"
import type { JourneyDefinition, JourneyDefinitionInput } from "../../modules/automation/lib/journey-schema"
import type { PageQuery } from "../lib/page-query"
import { fetchBackend, sdk } from "../lib/sdk"
import type {
  AdminContactJourneysResponse,
  AdminJourney,
  AdminJourneyEnrollment,
  AdminJourneyEnrollmentListResponse,
  AdminJourneyListResponse,
  AdminJourneyResponse,
  JourneyFigures,
  JourneyProblem,
  JourneyTemplate,
  JourneyTestResponse,
} from "../types/journeys"
import type { AdminContact } from "../types/contacts"
import { auditQueryKeys } from "./audit-entries"
import { useContacts } from "./contacts"

export const JOURNEYS_API_PATH = "/admin/marketing/journeys"

/** How often a journey's page reads its figures and enrollments again, as contacts move on. */
const JOURNEY_PAGE_REFRESH_MS = 10_000

export const journeyQueryKeys = {
  all: ["marketing_journeys"] as const,
  lists: () => [...journeyQueryKeys.all, "list"] as const,
  list: (query: JourneyListQuery) => [...journeyQueryKeys.lists(), query] as const,
  detail: (id: string) => [...journeyQueryKeys.all, "detail", id] as const,
  figures: (ids: string[]) => [...journeyQueryKeys.all, "figures", ids] as const,
  templates: () => [...journeyQueryKeys.all, "templates"] as const,
  enrollments: (id: string, query: EnrollmentListQuery) => [...journeyQueryKeys.all, "enrollments", id, query] as const,
  ofContact: (contactId: string) => [...journeyQueryKeys.all, "of_contact", contactId] as const,
}

export interface JourneyListQuery extends PageQuery {
  status?: JourneyStatus[]
  fields?: string
}

export interface EnrollmentListQuery extends PageQuery {
  state?: EnrollmentState[]
  contact_id?: string
}

/** An enrollment row with its contact, once it has loaded. */
export type AdminJourneyEnrollmentRow = AdminJourneyEnrollment & { contact: Pick<AdminContact, "id" | "email" | "first_name" | "last_name"> | null }

/** A list row with its headline figures, once they have loaded. */
export type AdminJourneyRow = AdminJourney & { figures: JourneyFigures | null }

const useJourneyFigures = (ids: string[], refetchInterval?: number) =>
  useQuery<{ figures: JourneyFigures[] }, FetchError>({
    queryKey: journeyQueryKeys.figures(ids),
    queryFn: () => sdk.client.fetch("/admin/marketing/journey-figures", { query: { journey_id: ids } }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval,
  })

/** The journeys of a page, each with how many contacts it enrolled, runs and converted. */
export const useJourneyRows = (query: JourneyListQuery): UseQueryResult<{ journeys: AdminJourneyRow[]; count: number }, FetchError> => {
  const list = useQuery<AdminJourneyListResponse, FetchError>({
    queryKey: journeyQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(JOURNEYS_API_PATH, { query }),
    placeholderData: keepPreviousData,
  })
  const figures = useJourneyFigures(list.data?.journeys.map((journey) => journey.id) ?? [])
  const byJourney = new Map(figures.data?.figures.map((f) => [f.journey_id, f]))
  const data = list.data && {
    count: list.data.count,
    journeys: list.data.journeys.map((journey) => ({ ...journey, figures: byJourney.get(journey.id) ?? null })),
  }
  // The list's own state (loading, error, paging), with rows that carry their figures.
  return { ...list, data } as unknown as UseQueryResult<{ journeys: AdminJourneyRow[]; count: number }, FetchError>
}

/** A page of a journey's enrollments, each with its contact (the enrollment holds only the contact's id); refreshed like the figures. */
export const useJourneyEnrollments = (
  id: string,
  query: EnrollmentListQuery
): UseQueryResult<{ enrollments: AdminJourneyEnrollmentRow[]; count: number }, FetchError> => {
  const list = useQuery<AdminJourneyEnrollmentListResponse, FetchError>({
    queryKey: journeyQueryKeys.enrollments(id, query),
    queryFn: () => sdk.client.fetch(`${JOURNEYS_API_PATH}/${id}/enrollments`, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: JOURNEY_PAGE_REFRESH_MS,
  })
  const contactIds = [...new Set(list.data?.enrollments.map((e) => e.contact_id) ?? [])]
  // No ids would be no filter at all (an empty list leaves the query string): then nothing is asked.
  const contacts = useContacts(
    { id: contactIds, limit: Math.max(contactIds.length, 1), offset: 0, fields: "id,email,first_name,last_name" },
    { enabled: contactIds.length > 0 }
  )
  const byId = new Map(contacts.data?.contacts.map((c) => [c.id, c]))
  const data = list.data && {
    count: list.data.count,
    enrollments: list.data.enrollments.map((enrollment) => ({ ...enrollment, contact: byId.get(enrollment.contact_id) ?? null })),
  }
  // The list's own state (loading, error, paging), with rows that carry their contact.
  return { ...list, data } as unknown as UseQueryResult<{ enrollments: AdminJourneyEnrollmentRow[]; count: number }, FetchError>
}

/** The contact's latest enrollments in every journey, with each journey's name. */
export const useContactJourneys = (contactId: string) =>
  useQuery<AdminContactJourneysResponse, FetchError>({
    queryKey: journeyQueryKeys.ofContact(contactId),
    queryFn: () => sdk.client.fetch(`/admin/marketing/contacts/${contactId}/journeys`),
  })

export const useJourney = (id: string) =>
  useQuery<AdminJourneyResponse, FetchError>({
    queryKey: journeyQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${JOURNEYS_API_PATH}/${id}`),
  })

/** One journey's figures, per step for the canvas; refreshed while the page is open, as contacts move on. */
export const useJourneyStepFigures = (id: string) => {
  const { data } = useJourneyFigures([id], JOURNEY_PAGE_REFRESH_MS)
  return data?.figures[0] ?? null
}

export const useJourneyTemplates = () =>
  useQuery<{ templates: JourneyTemplate[] }, FetchError>({
    queryKey: journeyQueryKeys.templates(),
    queryFn: () => sdk.client.fetch("/admin/marketing/journey-templates"),
    staleTime: Infinity,
  })

/** A refusal that names where the journey is wrong: publishing's and the test's 400 carry `problems`. */
export class JourneyProblemsError extends Error {
  constructor(message: string, public readonly problems: JourneyProblem[]) {
    super(message)
  }
}

/**
 * A POST whose 400 may carry located problems, which the sdk would drop (it keeps only the message):
 * so it goes through fetchBackend, like the segment editor's.
 */
async function postWithProblems<T>(path: string, body: unknown): Promise<T> {
  const response = await fetchBackend(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  const answer = await response.json().catch(() => ({}))
  if (!response.ok) throw new JourneyProblemsError(answer.message ?? response.statusText, answer.problems ?? [])
  return answer
}

function useJourneyMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<AdminJourneyResponse>) {
  const queryClient = useQueryClient()
  return useMutation<AdminJourneyResponse, JourneyProblemsError | FetchError, TVariables>({
    mutationFn,
    onSuccess: ({ journey }) => {
      queryClient.setQueryData(journeyQueryKeys.detail(journey.id), { journey })
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: journeyQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ])
    },
  })
}

export const useCreateJourney = () =>
  useJourneyMutation((body: { name: string; description?: string | null; definition: JourneyDefinitionInput }) =>
    sdk.client.fetch(JOURNEYS_API_PATH, { method: "POST", body })
  )

/** Saves the draft: of a live journey, a new version that goes live when published. */
export const useSaveJourneyDraft = (id: string) =>
  useJourneyMutation((body: { name?: string; definition?: JourneyDefinition }) =>
    postWithProblems<AdminJourneyResponse>(`${JOURNEYS_API_PATH}/${id}`, body)
  )

export const usePublishJourney = (id: string) =>
  useJourneyMutation((_: void) => postWithProblems<AdminJourneyResponse>(`${JOURNEYS_API_PATH}/${id}/publish`, {}))

export const useTransitionJourney = (id: string) =>
  useJourneyMutation((transition: "pause" | "resume" | "archive") =>
    sdk.client.fetch(`${JOURNEYS_API_PATH}/${id}/transition`, { method: "POST", body: { transition } })
  )

/** Walks a contact through the draft with the waits skipped, sending them its messages as test sends. */
export const useTestJourney = (id: string) =>
  useMutation<JourneyTestResponse, JourneyProblemsError, string>({
    mutationFn: (contactId) => postWithProblems<JourneyTestResponse>(`${JOURNEYS_API_PATH}/${id}/test-runs`, { contact_id: contactId }),
  })
