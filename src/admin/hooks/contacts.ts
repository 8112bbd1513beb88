import type { FetchError } from "@medusajs/js-sdk"
import type { DataTableDateComparisonOperator } from "@medusajs/ui"
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ConsentChannel, ConsentStatus, ContactSource } from "../../types/audience"
import { saveResponseAsFile } from "../lib/download"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type {
  AdminContactActivityResponse,
  AdminContactListResponse,
  AdminContactResponse,
  AdminContactSegmentsResponse,
} from "../types/contacts"
import { auditQueryKeys } from "./audit-entries"

const CONTACTS_API_PATH = "/admin/marketing/contacts"

export const contactQueryKeys = {
  all: ["marketing_contacts"] as const,
  lists: () => [...contactQueryKeys.all, "list"] as const,
  list: (query: ContactListQuery) => [...contactQueryKeys.lists(), query] as const,
  detail: (id: string) => [...contactQueryKeys.all, "detail", id] as const,
  segments: (id: string) => [...contactQueryKeys.all, "segments", id] as const,
  activity: (id: string) => [...contactQueryKeys.all, "activity", id] as const,
}

export interface ContactListQuery extends PageQuery {
  id?: string[]
  fields?: string
  email_consent?: ConsentStatus[]
  sms_consent?: ConsentStatus[]
  source?: ContactSource[]
  country_code?: string[]
  customer_id?: string
  created_at?: DataTableDateComparisonOperator
}

export interface SetConsentPayload {
  channel: ConsentChannel
  status: ConsentStatus
}

export const useContacts = (query: ContactListQuery, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery<AdminContactListResponse, FetchError>({
    queryKey: contactQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(CONTACTS_API_PATH, { query }),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useContact = (id: string) =>
  useQuery<AdminContactResponse, FetchError>({
    queryKey: contactQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${CONTACTS_API_PATH}/${id}`),
  })

/** The segments the contact is in now (live segments are evaluated on the spot). */
export const useContactSegments = (id: string) =>
  useQuery<AdminContactSegmentsResponse, FetchError>({
    queryKey: contactQueryKeys.segments(id),
    queryFn: () => sdk.client.fetch(`${CONTACTS_API_PATH}/${id}/segments`),
  })

/** The contact's timeline, a page at a time: each "load more" asks for the page after the last one loaded. */
export const useContactActivity = (id: string) =>
  useInfiniteQuery<AdminContactActivityResponse, FetchError>({
    queryKey: contactQueryKeys.activity(id),
    queryFn: ({ pageParam }) =>
      sdk.client.fetch(`${CONTACTS_API_PATH}/${id}/activity`, { query: pageParam ? { cursor: pageParam } : {} }),
    initialPageParam: null,
    getNextPageParam: (page) => page.next_cursor,
  })

export const useSetConsent = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation<AdminContactResponse, FetchError, SetConsentPayload>({
    mutationFn: (body) => sdk.client.fetch(`${CONTACTS_API_PATH}/${id}/consent`, { method: "POST", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(contactQueryKeys.detail(id), data)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: contactQueryKeys.lists() }),
        // Consent can decide segment membership (`email_consent = 'subscribed'`).
        queryClient.invalidateQueries({ queryKey: contactQueryKeys.segments(id) }),
        queryClient.invalidateQueries({ queryKey: contactQueryKeys.activity(id) }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ])
    },
  })
}

/** GDPR access request: everything the plugin holds about the contact, saved as a JSON file. */
export const useExportContact = (id: string) =>
  useMutation<void, FetchError>({
    mutationFn: async () => {
      const response = await sdk.client.fetch<Response>(`${CONTACTS_API_PATH}/${id}/export`, {
        headers: { accept: "application/octet-stream" },
      })
      await saveResponseAsFile(response, `contact-${id}.json`)
    },
  })

/** GDPR erasure: the contact's personal data is removed for good. */
export const useEraseContact = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation<unknown, FetchError>({
    mutationFn: () => sdk.client.fetch(`${CONTACTS_API_PATH}/${id}/erase`, { method: "POST" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: contactQueryKeys.detail(id) })
      return queryClient.invalidateQueries({ queryKey: contactQueryKeys.lists() })
    },
  })
}
