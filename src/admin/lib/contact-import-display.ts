import type { AdminContactImport, ContactImportStatus } from "../types/contact-imports"
import { toCsv } from "./csv"

/** How each import status reads in badges; orange while it runs, as Medusa shows work in progress. */
export const CONTACT_IMPORT_STATUSES: Record<ContactImportStatus, { label: string; color: "grey" | "orange" | "green" | "red" }> = {
  pending: { label: "Pending", color: "grey" },
  processing: { label: "Processing", color: "orange" },
  completed: { label: "Completed", color: "green" },
  failed: { label: "Failed", color: "red" },
}

/** Still running: the import is polled until it is not. */
export const isImportRunning = (status: ContactImportStatus) => status === "pending" || status === "processing"

/** The columns an import reads, with what each takes; the upload form lists them, the template has them. */
export const IMPORT_COLUMNS = [
  { name: "email", description: "Email address", example: "ada@example.com" },
  { name: "phone", description: "Phone number in international form", example: "+4915112345678" },
  { name: "first_name", description: "First name", example: "Ada" },
  { name: "last_name", description: "Last name", example: "Lovelace" },
  { name: "country", description: "Two-letter country code", example: "GB" },
  { name: "timezone", description: "IANA timezone", example: "Europe/London" },
  { name: "email_consent", description: "subscribed, unsubscribed or pending", example: "subscribed" },
  { name: "sms_consent", description: "subscribed, unsubscribed or pending", example: "pending" },
  { name: "metadata.<key>", description: "Any extra value, kept under <key>", example: "spring-fair" },
] as const

/** A CSV with every column and one example row, to fill in rather than guess the header names. */
export const importTemplateCsv = () =>
  toCsv([
    IMPORT_COLUMNS.map(({ name }) => name.replace("<key>", "source")),
    IMPORT_COLUMNS.map(({ example }) => example),
  ])

/** The rejected rows as CSV, to fix them in the original file and import it again. */
export const rejectedRowsCsv = (contactImport: AdminContactImport) =>
  toCsv([["line", "field", "reason"], ...contactImport.problems.rows.map(({ line, field, reason }) => [line, field, reason])])

/** "contacts.csv" gives "contacts-rejected-rows.csv". */
export const rejectedRowsFilename = (contactImport: AdminContactImport) =>
  `${contactImport.filename.replace(/\.csv$/i, "")}-rejected-rows.csv`
