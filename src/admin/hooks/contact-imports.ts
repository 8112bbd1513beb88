import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import { isImportRunning } from "../lib/contact-import-display"
import type { PageQuery } from "../lib/page-query"
import { fetchBackend, sdk } from "../lib/sdk"
import type { AdminContactImportListResponse, AdminContactImportResponse } from "../types/contact-imports"
import { contactQueryKeys } from "./contacts"

const CONTACT_IMPORTS_API_PATH = "/admin/marketing/contact-imports"

/** How often a running import is asked for its progress; the server reports it after each batch. */
const POLL_INTERVAL_MS = 1_000

const contactImportQueryKeys = {
  all: ["marketing_contact_imports"] as const,
  lists: () => [...contactImportQueryKeys.all, "list"] as const,
  list: (query: PageQuery) => [...contactImportQueryKeys.lists(), query] as const,
  detail: (id: string) => [...contactImportQueryKeys.all, "detail", id] as const,
}

/** The imports, newest first; asked again every second while one of those on screen still runs. */
export const useContactImports = (query: PageQuery) =>
  useQuery<AdminContactImportListResponse, FetchError>({
    queryKey: contactImportQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(CONTACT_IMPORTS_API_PATH, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: ({ state }) =>
      state.data?.contact_imports.some(({ status }) => isImportRunning(status)) ? POLL_INTERVAL_MS : false,
  })

/**
 * One import, asked again every second until it has finished. When it finishes, the contact lists and
 * the imports list are refreshed, for the new contacts and the final counts to show there too.
 */
export function useContactImport(id: string) {
  const queryClient = useQueryClient()
  const result = useQuery<AdminContactImportResponse, FetchError>({
    queryKey: contactImportQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${CONTACT_IMPORTS_API_PATH}/${id}`),
    refetchInterval: ({ state }) =>
      !state.data || isImportRunning(state.data.contact_import.status) ? POLL_INTERVAL_MS : false,
  })
  const status = result.data?.contact_import.status
  const isFinished = !!status && !isImportRunning(status)
  useEffect(() => {
    if (!isFinished) return
    queryClient.invalidateQueries({ queryKey: contactQueryKeys.lists() })
    queryClient.invalidateQueries({ queryKey: contactImportQueryKeys.lists() })
  }, [isFinished, queryClient])
  return result
}

/**
 * Uploads a CSV file as a new import. The route takes the file itself as the body (`text/csv`), which
 * the sdk would turn into JSON, hence a plain request; the browser streams the `File` from disk.
 */
export const useUploadContactImport = () => {
  const queryClient = useQueryClient()
  return useMutation<AdminContactImportResponse, Error, File>({
    mutationFn: async (file) => {
      const response = await fetchBackend(`${CONTACT_IMPORTS_API_PATH}?filename=${encodeURIComponent(file.name)}`, {
        method: "POST",
        // Set here, not taken from the file: browsers type .csv files differently (Windows: vnd.ms-excel).
        headers: { "content-type": "text/csv", accept: "application/json" },
        body: file,
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) throw new Error(body.message ?? response.statusText)
      return body
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactImportQueryKeys.all }),
  })
}
