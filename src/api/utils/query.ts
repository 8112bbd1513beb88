import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * A list route: the entity, read through query.graph with the fields, filters and pagination the
 * request's validators prepared, answered as `{ [key]: rows, count, offset, limit }` (each row through
 * `present`, for fields derived from the stored ones).
 */
export const listRoute = (entity: string, key: string, present = (row: any) => row) => async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity,
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: stablePagination(req),
  })
  res.json({ [key]: data.map(present), count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/**
 * The request's pagination with `id` after its order. Rows that tie on the order (contacts imported together
 * share their `created_at`) come back in whatever order Postgres meets them, which an update of one of them
 * changes: a refetched list then moves rows under the pointer of someone clicking it (the click is lost, or
 * opens a neighbour), and a row can show on two pages or on none.
 */
export function stablePagination(req: MedusaRequest) {
  const { pagination } = req.queryConfig
  const order = pagination.order ?? {}
  if ("id" in order) return pagination
  return { ...pagination, order: { ...order, id: Object.values(order)[0] ?? "DESC" } }
}

/**
 * The list of one parent's records (`/promotions/:id/codes`): filtered by `parentKey` = the path's id,
 * and an unknown parent a 404 rather than an empty list.
 */
export const childListRoute = (parent: string, parentKey: string, entity: string, key: string) => {
  const list = listRoute(entity, key)
  return async (req: MedusaRequest, res: MedusaResponse) => {
    await requireRecord(req, parent, req.params.id)
    req.filterableFields = { ...req.filterableFields, [parentKey]: req.params.id }
    return list(req, res)
  }
}

/** Answers 404 when `entity` has no record `id`. */
export async function requireRecord(req: MedusaRequest, entity: string, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity, fields: ["id"], filters: { id } }, { throwIfKeyNotFound: true })
}

/** One record with the fields the request asked for; unknown ids are 404. */
export async function retrieveOne(req: MedusaRequest, entity: string, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [record] } = await query.graph(
    { entity, fields: req.queryConfig.fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return record
}
