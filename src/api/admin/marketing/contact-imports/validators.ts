import { z } from "@medusajs/framework/zod"
import { displayLabel } from "../../../../modules/audience/lib/storable-text"

/** How much of an uploaded file's name the import keeps to show. */
const FILENAME_LABEL = 120

/**
 * `filename` is only a label: the file module stores the upload under a key of its own, so no
 * name from the request ever becomes a path.
 */
export const AdminUploadContactImportParams = z.strictObject({
  filename: z
    .string()
    .refine((name) => !/[/\\]/.test(name), { message: "filename must be a file name without folders ('/' or '\\')" })
    .transform((name) => displayLabel(name, FILENAME_LABEL) || "contacts.csv")
    .default("contacts.csv"),
})
export type AdminUploadContactImportParamsType = z.infer<typeof AdminUploadContactImportParams>
