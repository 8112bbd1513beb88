import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { AuditAction, AuditActor, AuditResourceType } from "../../../types/audit"
import { WebhookDeliveryStatus, WebhookEvents } from "../../../types/webhook"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { updateWebhookDeliveriesStep } from "../steps/webhook-endpoint-steps"

type Delivery = { id: string; endpoint_id: string; status: string; attempts: number }

const ensureResendableStep = createStep(
  "ensure-marketing-webhook-delivery-resendable",
  async ({ delivery, endpoint_id }: { delivery: Delivery | undefined; endpoint_id: string }) => {
    if (!delivery || delivery.endpoint_id !== endpoint_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This endpoint has no such delivery")
    }
    if (delivery.status === WebhookDeliveryStatus.SENDING) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This delivery is being sent: resend it once it is done")
    }
  }
)

/** Sends a delivery again from its first attempt (the receiver may drop it as a repeat by its delivery id). */
export const resendWebhookDeliveryWorkflow = createWorkflow(
  "resend-marketing-webhook-delivery",
  (input: { endpoint_id: string; delivery_id: string; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "webhook_delivery",
      fields: ["id", "endpoint_id", "status", "attempts"],
      filters: { id: input.delivery_id },
    })
    const delivery = transform({ data }, ({ data }) => data[0] as Delivery | undefined)
    ensureResendableStep({ delivery, endpoint_id: input.endpoint_id })
    const updated = updateWebhookDeliveriesStep(
      transform({ input }, ({ input }) => [
        { id: input.delivery_id, status: WebhookDeliveryStatus.PENDING, attempts: 0, next_attempt_at: new Date(), leased_until: null },
      ])
    )
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ delivery }, ({ delivery }) => [
        {
          action: AuditAction.RESEND,
          resource_type: AuditResourceType.WEBHOOK_DELIVERY,
          resource_id: delivery!.id,
          before: { status: delivery!.status, attempts: delivery!.attempts },
          after: { status: WebhookDeliveryStatus.PENDING, attempts: 0 },
        },
      ]),
    })
    emitEventStep({ eventName: WebhookEvents.DELIVERIES_QUEUED, data: {} })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
