import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import MessagingModuleService from "../../../modules/messaging/service"
import { ConsentStatus } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { consentAuditChanges } from "../../../lib/audience/consent-audit"
import { recordConsentsStep } from "../../audience/steps/record-consents"

const contactsWithPhoneStep = createStep("find-marketing-contacts-by-phone", async (phone: string, { container }) => {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const contacts = await audience.listContacts({ phone }, { select: ["id"] })
  return new StepResponse(contacts.map((c: { id: string }) => c.id))
})

/** Undone by forgetting the reply, so that Twilio's next delivery of it is acted on. */
const noteInboundMessageStep = createStep(
  "note-marketing-inbound-message",
  async (input: { provider_message_id: string; keyword: string }, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const id = await messaging.noteInboundMessage(input)
    return new StepResponse(id !== null, id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(MarketingModule.MESSAGING) as MessagingModuleService).deleteInboundMessages(id)
  }
)

export const recordSmsKeywordWorkflowId = "record-marketing-sms-keyword"

/**
 * STOP (and its synonyms) from a phone withdraws its SMS consent; START gives it back. Carriers
 * and Twilio enforce the keywords themselves: this keeps the audience telling the same story.
 * A reply is acted on once, however often Twilio delivers it.
 */
export const recordSmsKeywordWorkflow = createWorkflow(
  recordSmsKeywordWorkflowId,
  (input: { message_sid: string; from: string; keyword: "stop" | "start" }) => {
    const first = noteInboundMessageStep(
      transform({ input }, ({ input }) => ({ provider_message_id: input.message_sid, keyword: input.keyword }))
    )
    const contactIds = when({ first }, ({ first }) => first).then(() => contactsWithPhoneStep(input.from))
    const changes = transform({ contactIds, input }, ({ contactIds, input }) =>
      (contactIds ?? []).map((contact_id) => ({
        contact_id,
        channel: "sms" as const,
        status: input.keyword === "stop" ? ConsentStatus.UNSUBSCRIBED : ConsentStatus.SUBSCRIBED,
        source: `sms_keyword_${input.keyword}`,
      }))
    )
    const applied = when({ changes }, ({ changes }) => changes.length > 0).then(() => recordConsentsStep(changes))
    recordAuditEntriesStep({ changes: transform({ applied }, ({ applied }) => consentAuditChanges(applied ?? [])) })
    return new WorkflowResponse(transform({ applied }, ({ applied }) => applied ?? []))
  }
)
