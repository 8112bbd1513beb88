import { parse } from "csv-parse"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CONTACT_COLUMNS,
  ImportedContact,
  mergeDuplicates,
  parseContactRow,
  RowProblem,
  unknownColumns,
} from "../../../modules/audience/lib/contact-rows"
import { storableText } from "../../../modules/audience/lib/storable-text"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

const BATCH = 1_000
/** Rejected rows kept for the report; the count covers them all. */
const KEPT_PROBLEMS = 1_000
/** How much of an error the second attempt at recording it keeps. */
const RECORDED_ERROR = 2_000

/** The import is no longer this worker's to finish: the stalled-import job failed it. */
class ImportNoLongerRunning extends Error {}

/**
 * Streams an uploaded CSV from the file module through the parser in batches, so a file of any
 * length is never held in memory, and reports progress after every batch. Importing the same file
 * again changes nothing: contacts are matched by email and phone. Not undone on failure: what was
 * imported stays, the import is marked failed, and uploading the file again completes it. A worker
 * whose import the stalled-import job failed meanwhile stops at its next batch, leaving it failed.
 */
export const processContactImportStep = createStep(
  "process-marketing-contact-import",
  async ({ id }: { id: string }, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    if (!(await audience.claimContactImport(id))) return new StepResponse({ id, claimed: false })
    const totals = { processed_rows: 0, created_count: 0, updated_count: 0, rejected_count: 0 }
    const problems: RowProblem[] = []
    const reject = (found: RowProblem[]) => {
      totals.rejected_count += 1
      problems.push(...found.slice(0, Math.max(0, KEPT_PROBLEMS - problems.length)))
    }
    const flush = async (batch: ImportedContact[]) => {
      const { created, updated } = await audience.upsertImportedContacts(mergeDuplicates(batch))
      totals.created_count += created
      totals.updated_count += updated
      if (!(await audience.recordRunningContactImport(id, { ...totals, problems: { rows: problems } }))) {
        throw new ImportNoLongerRunning()
      }
    }

    try {
      const job = await audience.retrieveContactImport(id)
      const stream = await container.resolve(Modules.FILE).getDownloadStream(job.file_id)
      const parser = stream.pipe(
        parse({
          bom: true,
          info: true,
          skip_empty_lines: true,
          relax_column_count: true,
          trim: true,
          columns: (header: string[]) => {
            const columns = header.map((h) => h.trim().toLowerCase())
            const unknown = unknownColumns(columns)
            if (unknown.length) {
              throw new Error(
                `unknown column ${unknown.map((c) => `'${c}'`).join(", ")}; columns are ${CONTACT_COLUMNS.join(", ")} and metadata.<key>`
              )
            }
            return columns
          },
        })
      )
      let batch: ImportedContact[] = []
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        totals.processed_rows += 1
        const parsed = parseContactRow(record, info.lines)
        if (parsed.contact) batch.push(parsed.contact)
        else reject(parsed.problems)
        if (batch.length === BATCH) {
          await flush(batch)
          batch = []
        }
      }
      await flush(batch)
      await audience.recordRunningContactImport(id, { status: "completed" })
    } catch (error) {
      if (error instanceof ImportNoLongerRunning) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`Contact import ${id}: stopped after ${totals.processed_rows} rows, it was failed as stalled meanwhile`)
        return new StepResponse({ id, claimed: true })
      }
      const failed = { ...totals, status: "failed" as const }
      const message = (error as Error).message
      try {
        await audience.recordRunningContactImport(id, { ...failed, problems: { rows: problems }, error: message })
      } catch (refused) {
        // The error's text comes from the file, the parser or the database and may hold what the
        // database refuses (a NUL byte): the second attempt records only what is always storable.
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`Contact import ${id}: recording its failure failed (${(refused as Error).message}); recording it again`)
        await audience.recordRunningContactImport(id, { ...failed, error: storableText(message, RECORDED_ERROR) })
      }
    }
    return new StepResponse({ id, claimed: true })
  }
)
