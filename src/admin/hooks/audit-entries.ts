import type { FetchError } from "@medusajs/js-sdk"
import type { DataTableDateComparisonOperator } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import type { AuditActorType } from "../../types/audit"
import type { AdminAuditEntryListResponse } from "../types/audit"
import { saveResponseAsFile } from "../lib/download"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"

const AUDIT_ENTRIES_PATH = "/admin/marketing/audit-entries"

export const auditQueryKeys = {
  all: ["marketing_audit_entries"] as const,
  list: (query: AuditEntryListQuery) => [...auditQueryKeys.all, "list", query] as const,
}

/** What narrows the audit log down; the export takes the same. */
export interface AuditEntryFilters {
  actor_id?: string[]
  actor_type?: AuditActorType[]
  action?: string[]
  resource_type?: string[]
  resource_id?: string
  created_at?: DataTableDateComparisonOperator
}

export type AuditEntryListQuery = PageQuery & AuditEntryFilters

export const useAuditEntries = (query: AuditEntryListQuery) =>
  useQuery<AdminAuditEntryListResponse, FetchError>({
    queryKey: auditQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(AUDIT_ENTRIES_PATH, { query }),
    placeholderData: keepPreviousData,
  })

/** Downloads the entries that match the filters as CSV, all of them, not only the page on screen. */
export const useExportAuditEntries = () =>
  useMutation<void, FetchError, AuditEntryFilters>({
    mutationFn: async (filters) => {
      const response = await sdk.client.fetch<Response>(`${AUDIT_ENTRIES_PATH}/export`, {
        query: filters,
        headers: { accept: "text/csv" },
      })
      await saveResponseAsFile(response, "marketing-audit.csv")
    },
  })
