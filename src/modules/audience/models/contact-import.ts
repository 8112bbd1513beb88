import { model } from "@medusajs/framework/utils"

export const ContactImportStatus = {
  PENDING: "pending",
  PROCESSING: "processing",
  COMPLETED: "completed",
  FAILED: "failed",
} as const

/** One CSV upload of contacts, and how far its processing has come. */
const ContactImport = model.define({ name: "ContactImport", tableName: "marketing_contact_import" }, {
  id: model.id({ prefix: "mimp" }).primaryKey(),
  status: model.enum(ContactImportStatus).default(ContactImportStatus.PENDING),
  /** The uploaded file in Medusa's file module. */
  file_id: model.text(),
  filename: model.text(),
  processed_rows: model.number().default(0),
  created_count: model.number().default(0),
  updated_count: model.number().default(0),
  rejected_count: model.number().default(0),
  /** The first rejected rows, each `{ line, field, reason }`; rejected_count has the total. */
  problems: model.json().default({ rows: [] } as any),
  error: model.text().nullable(),
  created_by: model.text().nullable(),
  started_at: model.dateTime().nullable(),
  finished_at: model.dateTime().nullable(),
})

export default ContactImport
