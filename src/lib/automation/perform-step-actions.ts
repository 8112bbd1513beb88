import { MedusaContainer } from "@medusajs/framework/types"
import { postSignedWebhook } from "../post-signed-webhook"
import type { Advance, StepAction } from "../../modules/automation/lib/advance"
import type { EnteringEvent } from "../../modules/automation/lib/enrollments"
import AutomationModuleService from "../../modules/automation/service"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { changeContactMetadataWorkflow } from "../../workflows/audience/workflows/change-contact-metadata"
import { assignPromotionCodesWorkflow } from "../../workflows/promotion/workflows/assign-promotion-codes"
import { changeSegmentMembersWorkflow } from "../../workflows/segment/workflows/change-segment-members"
import type { ContactFacts, RunningEnrollment } from "./load-step-facts"
import { marketingOptions } from "../marketing-options"

/** A step that changes something outside the journey (all but sends, which the delivery pipeline carries out). */
export type SideEffectAct = { r: RunningEnrollment; result: Extract<Advance, { type: "act" }> & { action: Exclude<StepAction, { type: "send" }> } }

/** What the step run records: what the step did, or why it did nothing. */
export type StepDetail = Record<string, unknown>

/**
 * Carries out the side effects of one round's steps, one enrollment at a time, each through the
 * workflow of the module it changes, and records each step run as soon as its effect is done. A
 * step whose run is recorded already (done by a worker that then lost its lease) is not done again:
 * its recorded detail is returned. An effect that fails is returned as its error, for the worker to
 * retry the step with backoff.
 */
export async function performStepActions(
  container: MedusaContainer,
  acts: SideEffectAct[],
  contacts: Map<string, ContactFacts>,
  attempts: Map<string, number>
): Promise<Map<string, StepDetail | Error>> {
  const outcomes = new Map<string, StepDetail | Error>()
  if (!acts.length) return outcomes
  const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
  const recorded = new Map(
    (
      await automation.listJourneyStepRuns({ idempotency_key: acts.map((a) => a.result.idempotency_key) }, { select: ["idempotency_key", "detail"], take: null })
    ).map((run) => [run.idempotency_key, (run.detail ?? {}) as StepDetail])
  )
  // Webhooks carry the custom event that enrolled their enrollment.
  const events = await automation.enteringEvents(acts.filter((a) => a.result.action.type === "webhook").map((a) => a.r.position.enrollment_id))
  for (const { r, result } of acts) {
    const { enrollment_id, step_id, contact_id } = r.position
    const done = recorded.get(result.idempotency_key)
    if (done) {
      outcomes.set(enrollment_id, done)
      continue
    }
    try {
      const contact = contacts.get(contact_id)
      const detail = contact
        ? await perform(container, result.action, {
            ...r.position,
            key: result.idempotency_key,
            attempt: (attempts.get(enrollment_id) ?? 0) + 1,
            contact,
            event: events.get(enrollment_id) ?? null,
          })
        : { skipped: "contact_erased" }
      await automation.recordStepRun({ enrollment_id, step_id, outcome: result.outcome, detail, idempotency_key: result.idempotency_key })
      outcomes.set(enrollment_id, detail)
    } catch (error) {
      // A workflow's run rejects with its step's error as a plain object, message included.
      outcomes.set(enrollment_id, error instanceof Error ? error : new Error((error as { message?: string })?.message ?? String(error)))
    }
  }
  return outcomes
}

type Performing = RunningEnrollment["position"] & { key: string; attempt: number; contact: ContactFacts; event: EnteringEvent | null }

async function perform(container: MedusaContainer, action: SideEffectAct["result"]["action"], at: Performing): Promise<StepDetail> {
  switch (action.type) {
    case "issue_code":
      return issueCode(container, action.promotion_id, at.contact_id)
    case "update_contact": {
      const { add_tags, remove_tags, set_attributes } = action
      await changeContactMetadataWorkflow(container).run({ input: { contact_id: at.contact_id, add_tags, remove_tags, set_attributes } })
      return { add_tags, remove_tags, set_attributes }
    }
    case "segment_membership": {
      const { result: changed } = await changeSegmentMembersWorkflow(container).run({
        input: { segment_id: action.segment_id, operation: action.operation, contact_ids: [at.contact_id] },
      })
      return { segment_id: action.segment_id, operation: action.operation, changed: changed.length > 0 }
    }
    case "webhook": {
      const { webhook_secret } = marketingOptions(container)
      const { ok, status } = await postSignedWebhook({
        url: action.url,
        secret: webhook_secret,
        delivery_id: at.key,
        payload: {
          id: at.key,
          type: "journey.step",
          journey_id: at.journey_id,
          enrollment_id: at.enrollment_id,
          step_id: at.step_id,
          occurred_at: new Date().toISOString(),
          contact: { id: at.contact.id, email: at.contact.email, phone: at.contact.phone, customer_id: at.contact.customer_id },
          event: at.event,
        },
      })
      // Any answer but a 2xx fails the step: the worker retries it with backoff.
      if (!ok) throw new Error(`webhook ${action.url} answered ${status}`)
      return { delivery_id: at.key, status, attempt: at.attempt }
    }
  }
}

/**
 * Gives the contact one generated code of the promotion through the promotion's own assignment,
 * which gives none to a contact who holds one already: a step run again finds the contact's code
 * and gives no second one. Codes running short fail the step (retried, then failed, visibly).
 */
async function issueCode(container: MedusaContainer, promotionId: string, contactId: string): Promise<StepDetail> {
  await assignPromotionCodesWorkflow(container).run({ input: { promotion_id: promotionId, recipients: { contact_ids: [contactId] } } })
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const codes = await promotions.listPromotionCodes(
    { promotion_id: promotionId, contact_id: contactId, status: ["available", "reserved", "redeemed"] },
    { select: ["id", "code", "status"], order: { created_at: "ASC" }, take: null }
  )
  // One the contact can still use, when an earlier enrollment's code was redeemed meanwhile.
  const held = codes.find((c) => c.status === "available") ?? codes[0]
  if (!held) throw new Error(`promotion ${promotionId} assigned no code to contact ${contactId}`)
  return { promotion_id: promotionId, code_id: held.id, code: held.code }
}
