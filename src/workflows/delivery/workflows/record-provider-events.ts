import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ProviderEvent } from "../../../modules/messaging/lib/webhooks/events"
import { ConsentChannel, ConsentStatus } from "../../../types/audience/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { consentAuditChanges } from "../../../lib/audience/consent-audit"
import { recordConsentsStep } from "../../audience/steps/record-consents"
import { recordProviderEventsStep } from "../steps/record-provider-events"
import { suppressUndeliverableAddressesStep } from "../steps/suppress-undeliverable-addresses"

export const recordProviderEventsWorkflowId = "record-marketing-provider-events"

/**
 * Takes in what a provider's webhook reported: delivery, bounces and failures move the messages'
 * status; hard bounces and complaints suppress the address; unsubscribes withdraw consent.
 */
export const recordProviderEventsWorkflow = createWorkflow(
  recordProviderEventsWorkflowId,
  (input: { events: ProviderEvent[] }) => {
    const recorded = recordProviderEventsStep(input.events)
    const undeliverable = transform({ recorded }, ({ recorded }) =>
      recorded
        .filter((e) => e.channel !== "push" && (e.type === "complaint" || (e.permanent && e.type !== "unsubscribe")))
        .map((e) => ({
          channel: e.channel as "email" | "sms",
          address: e.to,
          reason: e.type === "complaint" ? ("complaint" as const) : ("bounce" as const),
          note: e.reason,
        }))
    )
    const withdrawals = transform({ recorded }, ({ recorded }) =>
      recorded
        .filter((e) => e.type === "unsubscribe" && e.contact_id && e.channel !== "push")
        .map((e) => ({
          contact_id: e.contact_id!,
          channel: e.channel as ConsentChannel,
          status: ConsentStatus.UNSUBSCRIBED,
          source: "provider_unsubscribe",
        }))
    )
    const suppressed = suppressUndeliverableAddressesStep(undeliverable)
    const applied = when({ withdrawals }, ({ withdrawals }) => withdrawals.length > 0).then(() =>
      recordConsentsStep(withdrawals)
    )
    recordAuditEntriesStep({
      changes: transform({ suppressed, applied }, ({ suppressed, applied }) => [
        ...suppressed.map((s) => ({
          action: "create",
          resource_type: "marketing_suppression",
          resource_id: s.id,
          before: null,
          after: { channel: s.channel, address: s.address, reason: s.reason },
        })),
        ...consentAuditChanges(applied ?? []),
      ]),
    })
    return new WorkflowResponse(recorded)
  }
)
