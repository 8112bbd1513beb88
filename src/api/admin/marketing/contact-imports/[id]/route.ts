import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** An import's progress and its report of rejected rows. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [contact_import] } = await query.graph(
    { entity: "contact_import", fields: req.queryConfig.fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  res.json({ contact_import })
}
