import { pgStatement, SqlContext } from "../../../lib/pg-transaction"
import { CLAIM_CONTACT_IMPORT, FAIL_STALLED_CONTACT_IMPORTS, RECORD_RUNNING_CONTACT_IMPORT } from "../statements/contact-imports"

/*
 * A contact import's progress: taken by one worker, its progress recorded while it still runs, and failed when it
 * stalls. The service's methods of the same names run these in their context; the rows themselves are written by
 * its upsertImportedContacts.
 */

export type ContactImportProgress = Partial<{
  processed_rows: number
  created_count: number
  updated_count: number
  rejected_count: number
  problems: { rows: unknown[] }
  status: "completed" | "failed"
  error: string
}>

/** Takes a pending import for processing; false when another worker has it already. */
export async function claimContactImport(context: SqlContext, id: string): Promise<boolean> {
  const { rowCount } = await pgStatement(context, CLAIM_CONTACT_IMPORT, [id])
  return rowCount === 1
}

/**
 * Records a running import's progress, or its end when `status` is given, unless it is no longer
 * running: the stalled-import job may have failed it while its worker was slow. Then nothing is
 * written and the answer is false, so that the worker stops instead of turning `failed` into `completed`.
 */
export async function recordRunningContactImport(context: SqlContext, id: string, fields: ContactImportProgress): Promise<boolean> {
  const { rowCount } = await pgStatement(context, RECORD_RUNNING_CONTACT_IMPORT, [
    id,
    fields.processed_rows ?? null,
    fields.created_count ?? null,
    fields.updated_count ?? null,
    fields.rejected_count ?? null,
    fields.problems ? JSON.stringify(fields.problems) : null,
    fields.status ?? null,
    fields.error ?? null,
  ])
  return rowCount === 1
}

/**
 * Fails the imports that have not moved since `before`: pending ones whose processing never started
 * (the event was lost) and processing ones that stopped reporting progress (each batch reports some).
 * Returns them with the status they had.
 */
export async function failStalledContactImports(
  context: SqlContext,
  before: Date,
  reason: string
): Promise<{ id: string; status: "pending" | "processing" }[]> {
  const { rows } = await pgStatement(context, FAIL_STALLED_CONTACT_IMPORTS, [before, reason])
  return rows
}
