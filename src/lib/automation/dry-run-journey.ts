import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import AudienceModuleService from "../../modules/audience/service"
import { advance, EnrollmentPosition, prepareJourney, StepAction } from "../../modules/automation/lib/advance"
import { JourneyDefinition } from "../../modules/automation/lib/journey-schema"
import { previewMessage, TEMPLATE_CONTACT_FIELDS, templateVariables } from "../../modules/messaging/lib/compose-message"
import { TemplateError } from "../../modules/messaging/lib/render-template"
import { DryRunStep } from "../../types/http/automation"
import { MarketingModule } from "../../types/modules"
import { CONTACT_FACT_FIELDS, ContactFacts, loadStepFacts } from "./load-step-facts"
import { reachableAmong } from "./reachable-among"

/** A dry run never loops forever: a valid graph has a wait in every loop, and each wait is skipped. */
const MAX_DRY_RUN_STEPS = 200

/**
 * Walks one contact through a journey definition as the worker would, with the contact's real
 * facts (consent, conditions, orders, timezone) but skipping every wait and doing nothing: sends
 * are rendered, not queued; no enrollment or step run is written. Messages of the run are never
 * sent, so an engagement branch takes its 'no' way and an event wait its timeout.
 */
export async function dryRunJourney(
  container: MedusaContainer,
  { journey_id, journey_name, definition, contact_id }: { journey_id: string; journey_name: string; definition: JourneyDefinition; contact_id: string }
): Promise<DryRunStep[]> {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [facts] = (await audience.contactFields([contact_id], CONTACT_FACT_FIELDS)) as ContactFacts[]
  if (!facts) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact with id: ${contact_id} was not found`)
  const contacts = new Map([[contact_id, facts]])
  const { data: [templateContact] } = await query.graph({ entity: "contact", fields: [...TEMPLATE_CONTACT_FIELDS], filters: { id: contact_id } })

  const journey = prepareJourney(definition)
  let now = new Date()
  let position: EnrollmentPosition = {
    journey_id,
    enrollment_id: `dry_run_${contact_id}`,
    contact_id,
    entered_at: now,
    step_id: definition.graph.start,
    sequence: 0,
    waiting_until: null,
  }
  const path: DryRunStep[] = []
  while (path.length < MAX_DRY_RUN_STEPS) {
    const [stepFacts] = await loadStepFacts(container, [{ journey, position }], contacts)
    const result = advance(journey, position, { awaited_event: false, ...stepFacts }, now)
    const step = journey.graph.steps.get(position.step_id)!
    const taken: DryRunStep = { step_id: step.id, kind: step.kind, outcome: null }
    if (result.type === "wait") {
      // Skipped: the clock moves on to the wait's end, and the step is evaluated again there.
      now = result.until
      position = { ...position, waiting_until: result.until }
      continue
    }
    if (position.waiting_until) taken.waited_until = position.waiting_until.toISOString()
    if (result.type === "end") {
      path.push({ ...taken, ended: { state: result.state, reason: result.reason } })
      return path
    }
    taken.outcome = result.outcome
    if (result.type === "act") {
      if (result.action.type === "send") taken.message = await renderedSend(result.action)
      else taken.action = result.action
    }
    if (!result.to) {
      path.push({ ...taken, ended: { state: "completed", reason: "end_of_journey" } })
      return path
    }
    path.push(taken)
    position = { ...position, step_id: result.to, sequence: position.sequence + 1, waiting_until: null }
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `The test took more than ${MAX_DRY_RUN_STEPS} steps without ending`)

  async function renderedSend({ channel, subject, body }: Extract<StepAction, { type: "send" }>): Promise<DryRunStep["message"]> {
    const reachable = (await reachableAmong(audience, channel, [contact_id])).get(contact_id)
    try {
      const preview = previewMessage(channel, { subject, body }, templateVariables(templateContact, { name: journey_name, subject }), "#unsubscribe")
      return { channel, to: reachable?.address ?? null, preview, ...(reachable ? {} : { unreachable: true }) }
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      return { channel, to: reachable?.address ?? null, preview: null, error: error.message }
    }
  }
}
