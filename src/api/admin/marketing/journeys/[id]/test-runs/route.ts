import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import AudienceModuleService from "../../../../../../modules/audience/service"
import { validateJourney } from "../../../../../../modules/automation/lib/validate-journey"
import { MarketingModule } from "../../../../../../types/modules"
import { runJourneyTest } from "../../../../../../lib/automation/run-journey-test"
import { segmentConditionCompiler } from "../../../../../../lib/automation/segment-condition-compiler"
import { auditActor } from "../../../../../utils/audit-actor"
import { AdminTestJourneyType } from "../../validators"

/**
 * Test a journey: walks one contact through the version the canvas shows (the draft, else the live
 * one) with the waits skipped, sends that path's messages to the contact as test sends of this run,
 * and answers the path with its messages and how each went. Nobody is enrolled and nothing else is
 * done. A definition that cannot go live is a 400 with its located problems, as at publishing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminTestJourneyType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [journey] } = await query.graph(
    {
      entity: "journey",
      fields: ["id", "name", "live_version_id", "versions.id", "versions.published_at", "versions.trigger", "versions.graph", "versions.entry", "versions.goal", "versions.exit"],
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )
  const version =
    journey.versions.find((v: { published_at: unknown }) => !v.published_at) ??
    journey.versions.find((v: { id: string }) => v.id === journey.live_version_id)
  const audience: AudienceModuleService = req.scope.resolve(MarketingModule.AUDIENCE)
  const validation = validateJourney(
    { trigger: version.trigger, graph: version.graph, entry: version.entry, goal: version.goal, exit: version.exit },
    await segmentConditionCompiler(audience)
  )
  if (!validation.valid) {
    const message = `The journey cannot be tested: ${validation.problems.map((p) => p.message).join("; ")}`
    res.status(400).json({ type: "invalid_data", message, problems: validation.problems })
    return
  }
  const { run_id, path } = await runJourneyTest(req.scope, {
    journey_id: journey.id,
    journey_name: journey.name,
    version_id: version.id,
    definition: validation.definition,
    contact_id: req.validatedBody.contact_id,
    actor: auditActor(req),
  })
  res.json({ version_id: version.id, run_id, path })
}
