import type { PageResponse } from "../lib/page-query"

export type ContactImportStatus = "pending" | "processing" | "completed" | "failed"

/** A CSV row the import left out, and why: `line` counts the header as line 1, as a spreadsheet does. */
export interface ContactImportProblem {
  line: number
  field: string
  reason: string
}

export interface AdminContactImport {
  id: string
  status: ContactImportStatus
  filename: string
  processed_rows: number
  created_count: number
  updated_count: number
  rejected_count: number
  /** The first 1,000 rejected rows; `rejected_count` has the total. */
  problems: { rows: ContactImportProblem[] }
  /** Why the whole import failed, e.g. an unknown column. */
  error: string | null
  started_at: string | null
  finished_at: string | null
  created_at: string
}

export interface AdminContactImportResponse {
  contact_import: AdminContactImport
}

export interface AdminContactImportListResponse extends PageResponse {
  contact_imports: AdminContactImport[]
}
