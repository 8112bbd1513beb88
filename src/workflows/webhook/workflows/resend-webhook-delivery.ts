import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditAction, AuditActor, AuditResourceType } from "../../../types/audit"
import { WebhookDeliveryStatus, WebhookEvents } from "../../../types/webhook"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { requeueWebhookDeliveryStep } from "../steps/requeue-webhook-delivery"

/** Sends a delivery again from its first attempt (the receiver may drop it as a repeat by its delivery id). */
export const resendWebhookDeliveryWorkflow = createWorkflow(
  "resend-marketing-webhook-delivery",
  (input: { endpoint_id: string; delivery_id: string; actor?: AuditActor }) => {
    const before = requeueWebhookDeliveryStep({ endpoint_id: input.endpoint_id, delivery_id: input.delivery_id })
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before }, ({ before }) => [
        {
          action: AuditAction.RESEND,
          resource_type: AuditResourceType.WEBHOOK_DELIVERY,
          resource_id: before.id,
          before: { status: before.status, attempts: before.attempts },
          after: { status: WebhookDeliveryStatus.PENDING, attempts: 0 },
        },
      ]),
    })
    emitEventStep({ eventName: WebhookEvents.DELIVERIES_QUEUED, data: {} })
    return new WorkflowResponse(transform({ before }, ({ before }) => ({ id: before.id })))
  }
)
