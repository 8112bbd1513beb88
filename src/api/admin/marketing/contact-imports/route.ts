import { randomUUID } from "node:crypto"
import { pipeline } from "node:stream/promises"
import { Transform } from "node:stream"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createContactImportWorkflow } from "../../../../workflows/contact-import/workflows/contact-imports"
import { auditActor } from "../../../utils/audit-actor"
import { listRoute } from "../../../utils/query"
import { AdminUploadContactImportParamsType } from "./validators"

const MAX_BYTES = 100 * 1024 * 1024

export const GET = listRoute("contact_import", "contact_imports")

/** Upload: the request body is the CSV itself (`Content-Type: text/csv`); processing runs in the background. */
export const POST = async (
  req: AuthenticatedMedusaRequest<unknown, AdminUploadContactImportParamsType>,
  res: MedusaResponse
) => {
  if (!/^text\/csv\b/.test(req.get("content-type") ?? "")) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Send the CSV as the request body with Content-Type: text/csv")
  }
  const { filename } = req.validatedQuery
  const upload = await req.scope
    .resolve(Modules.FILE)
    .getUploadStream({ filename: `contact-import-${randomUUID()}.csv`, mimeType: "text/csv", access: "private" })
  let bytes = 0
  const limit = new Transform({
    transform(chunk, _encoding, done) {
      bytes += chunk.length
      done(bytes > MAX_BYTES ? new MedusaError(MedusaError.Types.INVALID_DATA, "The CSV is larger than 100 MB") : null, chunk)
    },
  })
  await pipeline(req, limit, upload.writeStream)
  const file = await upload.promise
  if (!bytes) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The CSV is empty")
  const { result } = await createContactImportWorkflow(req.scope).run({
    input: { file_id: file.key, filename, actor: auditActor(req) },
  })
  res.status(202).json({ contact_import: result })
}
