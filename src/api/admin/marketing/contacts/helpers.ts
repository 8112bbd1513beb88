import { MedusaRequest } from "@medusajs/framework/http"
import { retrieveOne } from "../../../utils/query"

/** One contact with the fields the request asked for, its consent history newest first. */
export async function refetchContact(req: MedusaRequest, id: string) {
  const contact = await retrieveOne(req, "contact", id)
  const consents = (contact as { consents?: { created_at: string | Date }[] }).consents
  if (!consents) return contact
  const time = (c: { created_at: string | Date }) => new Date(c.created_at).getTime()
  return { ...contact, consents: [...consents].sort((a, b) => time(b) - time(a)) }
}
