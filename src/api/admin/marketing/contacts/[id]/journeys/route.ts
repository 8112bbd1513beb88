import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stablePagination } from "../../../../../utils/query"
import AudienceModuleService from "../../../../../../modules/audience/service"
import { MarketingModule } from "../../../../../../types/modules"

/**
 * A contact's journeys: their enrollments in every journey, newest first, each with its journey's
 * name (an enrollment holds the journey's id only). An unknown contact is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const audience: AudienceModuleService = req.scope.resolve(MarketingModule.AUDIENCE)
  await audience.retrieveContact(req.params.id, { select: ["id"] })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: enrollments, metadata } = await query.graph({
    entity: "journey_enrollment",
    // The journey's name is looked up by its id, whichever fields were asked for.
    fields: [...new Set([...req.queryConfig.fields, "journey_id"])],
    filters: { ...req.filterableFields, contact_id: req.params.id },
    pagination: stablePagination(req),
  })
  const journeyIds = [...new Set(enrollments.map((e: { journey_id: string }) => e.journey_id))]
  const { data: journeys } = journeyIds.length
    ? await query.graph({ entity: "journey", fields: ["id", "name"], filters: { id: journeyIds }, withDeleted: true })
    : { data: [] }
  const names = new Map(journeys.map((j: { id: string; name: string }) => [j.id, j.name]))
  res.json({
    enrollments: enrollments.map((e: { journey_id: string }) => ({ ...e, journey_name: names.get(e.journey_id) ?? null })),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
