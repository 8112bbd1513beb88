import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The marketing promotion behind a native promotion (its tier, shared code or single-use code), for
 * the widget on the native promotion page: `{ promotion: null }` for a promotion of the store's own.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [native] } = await query.graph(
    {
      entity: "promotion",
      fields: req.queryConfig.fields.map((field) => `marketing_promotion.${field}`),
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )
  res.json({ promotion: native.marketing_promotion ?? null })
}
