import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditAction, AuditActor, AuditResourceType } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { checkEndpointUrlStep } from "../steps/check-endpoint-url"
import { generateWebhookSecretStep } from "../steps/generate-webhook-secret"
import { createWebhookEndpointsStep, deleteWebhookEndpointsStep, updateWebhookEndpointsStep } from "../steps/webhook-endpoint-steps"

export type WebhookEndpointInput = { url: string; events: string[]; enabled?: boolean; description?: string | null }

/** The fields an audit entry and a response show: never the secret. */
const AUDITED_FIELDS = ["id", "url", "events", "enabled", "description"]
const withoutSecret = ({ secret: _secret, ...endpoint }: Record<string, any>) => endpoint

/** Subscribes an endpoint; its secret is answered this once. */
export const createWebhookEndpointWorkflow = createWorkflow(
  "create-marketing-webhook-endpoint",
  (input: { endpoint: WebhookEndpointInput; actor?: AuditActor }) => {
    checkEndpointUrlStep(transform({ input }, ({ input }) => ({ url: input.endpoint.url })))
    const secret = generateWebhookSecretStep()
    const created = createWebhookEndpointsStep(transform({ input, secret }, ({ input, secret }) => [{ ...input.endpoint, secret }]))
    const endpoint = transform({ created }, ({ created }) => created[0] as Record<string, any>)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ endpoint }, ({ endpoint }) => [
        { action: AuditAction.CREATE, resource_type: AuditResourceType.WEBHOOK_ENDPOINT, resource_id: endpoint.id, before: null, after: withoutSecret(endpoint) },
      ]),
    })
    return new WorkflowResponse(endpoint)
  }
)

export const updateWebhookEndpointWorkflow = createWorkflow(
  "update-marketing-webhook-endpoint",
  (input: { id: string; update: Partial<WebhookEndpointInput>; actor?: AuditActor }) => {
    checkEndpointUrlStep(transform({ input }, ({ input }) => ({ url: input.update.url })))
    const { data: before } = useQueryGraphStep({
      entity: "webhook_endpoint",
      fields: AUDITED_FIELDS,
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const updated = updateWebhookEndpointsStep(transform({ input }, ({ input }) => [{ id: input.id, ...input.update }]))
    const endpoint = transform({ updated }, ({ updated }) => withoutSecret(updated[0] as Record<string, any>))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before, endpoint }, ({ before, endpoint }) => [
        { action: AuditAction.UPDATE, resource_type: AuditResourceType.WEBHOOK_ENDPOINT, resource_id: endpoint.id, before: before[0], after: endpoint },
      ]),
    })
    return new WorkflowResponse(endpoint)
  }
)

/** A new secret for an endpoint, answered this once: the old one stops signing at once. */
export const rotateWebhookSecretWorkflow = createWorkflow(
  "rotate-marketing-webhook-secret",
  (input: { id: string; actor?: AuditActor }) => {
    useQueryGraphStep({ entity: "webhook_endpoint", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } })
    const secret = generateWebhookSecretStep()
    const updated = updateWebhookEndpointsStep(transform({ input, secret }, ({ input, secret }) => [{ id: input.id, secret }]))
    recordAuditEntriesStep({
      actor: input.actor,
      // The audit log redacts secrets: the entry says that it changed, never what to.
      changes: transform({ input }, ({ input }) => [
        { action: AuditAction.ROTATE_SECRET, resource_type: AuditResourceType.WEBHOOK_ENDPOINT, resource_id: input.id, before: { secret: "old" }, after: { secret: "new" } },
      ]),
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0] as Record<string, any>))
  }
)

/** Unsubscribes an endpoint; its delivery log is kept with it. */
export const deleteWebhookEndpointWorkflow = createWorkflow(
  "delete-marketing-webhook-endpoint",
  (input: { id: string; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "webhook_endpoint",
      fields: AUDITED_FIELDS,
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "retrieve-deleted-webhook-endpoint" })
    deleteWebhookEndpointsStep(transform({ input }, ({ input }) => [input.id]))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ data }, ({ data }) => [
        { action: AuditAction.DELETE, resource_type: AuditResourceType.WEBHOOK_ENDPOINT, resource_id: data[0].id, before: data[0], after: null },
      ]),
    })
    return new WorkflowResponse(input.id)
  }
)
