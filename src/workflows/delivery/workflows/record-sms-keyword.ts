import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { ConsentStatus } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { consentAuditChanges } from "../../audience/consent-audit"
import { recordConsentsStep } from "../../audience/steps/record-consents"

const contactsWithPhoneStep = createStep("find-marketing-contacts-by-phone", async (phone: string, { container }) => {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const contacts = await audience.listContacts({ phone }, { select: ["id"] })
  return new StepResponse(contacts.map((c: { id: string }) => c.id))
})

export const recordSmsKeywordWorkflowId = "record-marketing-sms-keyword"

/**
 * STOP (and its synonyms) from a phone withdraws its SMS consent; START gives it back. Carriers
 * and Twilio enforce the keywords themselves: this keeps the audience telling the same story.
 */
export const recordSmsKeywordWorkflow = createWorkflow(
  recordSmsKeywordWorkflowId,
  (input: { from: string; keyword: "stop" | "start" }) => {
    const contactIds = contactsWithPhoneStep(input.from)
    const changes = transform({ contactIds, input }, ({ contactIds, input }) =>
      contactIds.map((contact_id) => ({
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
