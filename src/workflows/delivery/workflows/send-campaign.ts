import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignDTO } from "../../../types/campaign/module"
import { DeliveryEvents } from "../../../types/messaging"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { retrieveCampaignBeforeChange } from "../../campaign/workflows/retrieve-campaigns-before-change"
import { updateCampaignsStep } from "../../campaign/steps/update-campaigns"
import { transitionCampaignWorkflow } from "../../campaign/workflows/transition-campaign"
import { enqueueCampaignMessagesStep } from "../steps/enqueue-campaign-messages"
import { resolveCampaignOccurrenceStep } from "../steps/resolve-campaign-occurrence"

export const sendCampaignWorkflowId = "send-marketing-campaign"

/**
 * Fans a due campaign out to its audience: one queued message per reachable contact. A one-off
 * campaign moves to `sending` (the delivery workers move it to `sent`); a recurring one records
 * the run it sent. Under a lock per campaign, so that two workers never fan out the same send.
 */
export type SendCampaignInput = { id: string; now?: Date; send_now?: boolean; actor?: AuditActor }

export const sendCampaignWorkflow = createWorkflow(sendCampaignWorkflowId, (input: SendCampaignInput) => {
  const lockKey = transform({ input }, ({ input }) => `marketing:send-campaign:${input.id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 600 })
  const due = resolveCampaignOccurrenceStep(input)
  const campaign = retrieveCampaignBeforeChange(input.id) as unknown as CampaignDTO
  const enqueued = enqueueCampaignMessagesStep({ campaign, occurrence: due.occurrence })
  when({ due }, ({ due }) => due.run_at === null).then(() => {
    transitionCampaignWorkflow.runAsStep({ input: { id: input.id, status: "sending", by_system: true, actor: input.actor } })
  })
  when({ input, due }, ({ input, due }) => !!input.send_now && due.run_at === null).then(() => {
    // Sent ahead of its time: its send time becomes the time it went out, not the one it no longer waits for.
    updateCampaignsStep(transform({ input }, ({ input }) => [{ id: input.id, scheduled_at: new Date() }])).config({
      name: "record-marketing-campaign-send-now-time",
    })
  })
  when({ due }, ({ due }) => due.run_at !== null).then(() => {
    updateCampaignsStep(transform({ input, due }, ({ input, due }) => [{ id: input.id, last_occurrence_at: due.run_at }]))
  })
  recordAuditEntriesStep({
    actor: input.actor,
    changes: transform({ input, due, enqueued }, ({ input, due, enqueued }) => [
      {
        action: "send",
        resource_type: "marketing_campaign",
        resource_id: input.id,
        before: null,
        after: { occurrence: due.occurrence, reachable: enqueued.reachable, queued: enqueued.queued },
      },
    ]),
  })
  // Delivery started with the first queued page; this last wake-up closes a campaign sent before it became `sending`.
  emitEventStep({ eventName: DeliveryEvents.MESSAGES_QUEUED, data: transform({ input }, ({ input }) => ({ campaign_id: input.id })) })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ due, enqueued }, ({ due, enqueued }) => ({ ...due, ...enqueued })))
})
