import { z } from "@medusajs/framework/zod"
import ContactImport from "../../../../modules/audience/models/contact-import"
import { listSchema, modelSchema } from "../../../utils/model-schema"
import { CONTACT_IMPORT_FIELDS } from "./query-config"

export const AdminContactImport = modelSchema(ContactImport, CONTACT_IMPORT_FIELDS)
export const AdminContactImportResponse = z.object({ contact_import: AdminContactImport })
/** The created import, with every stored field. */
export const AdminCreatedContactImportResponse = z.object({ contact_import: AdminContactImport.loose() })
export const AdminContactImportListResponse = listSchema("contact_imports", AdminContactImport)
