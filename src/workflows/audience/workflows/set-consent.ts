import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { consentAuditChanges } from "../../../lib/audience/consent-audit"
import { ConsentChange, recordConsentsStep } from "../steps/record-consents"

export const setConsentWorkflowId = "set-marketing-consent"

/** Records a consent change (history kept) and makes it the contact's current consent. */
export const setConsentWorkflow = createWorkflow(
  setConsentWorkflowId,
  (input: { consent: ConsentChange; actor?: AuditActor }) => {
    const applied = recordConsentsStep(transform({ input }, ({ input }) => [input.consent]))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ applied }, ({ applied }) => consentAuditChanges(applied)),
    })
    return new WorkflowResponse(transform({ applied }, ({ applied }) => applied[0]))
  }
)
