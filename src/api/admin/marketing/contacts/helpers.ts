import { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Reads one contact with the fields the request asked for, consents newest first; unknown ids are 404. */
export async function refetchContact(req: MedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [contact] } = await query.graph(
    { entity: "contact", fields: req.queryConfig.fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const consents = (contact as { consents?: { created_at: string }[] }).consents
  if (!consents) return contact
  return { ...contact, consents: [...consents].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)) }
}
