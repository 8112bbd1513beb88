// The ready-made journeys, as a merchandiser would start them: each template saved as a journey and
// published.
import { MedusaContainer } from "@medusajs/framework/types"
import { JOURNEY_TEMPLATES } from "../../src/modules/automation/lib/journey-templates"
import { JourneyDefinition } from "../../src/modules/automation/lib/journey-schema"
import { AuditActor, AuditActorType } from "../../src/types/audit"
import { publishJourneyWorkflow, saveJourneyWorkflow } from "../../src/workflows/automation"

/** Returns how many journeys went live. */
export async function seedJourneys(container: MedusaContainer, adminId: string): Promise<number> {
  const actor: AuditActor = { actor_type: AuditActorType.USER, actor_id: adminId }
  let live = 0
  for (const template of JOURNEY_TEMPLATES.filter((t) => t.key !== "blank")) {
    const definition = JourneyDefinition.parse(template.definition)
    const { result } = await saveJourneyWorkflow(container).run({
      input: { name: template.name, description: template.description, definition, created_by: adminId, actor },
    })
    await publishJourneyWorkflow(container).run({ input: { id: result.journey.id, actor } })
    live++
  }
  return live
}
