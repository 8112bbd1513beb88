import { ArrowPath, PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, StatusBadge, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useUpdateWebhookEndpoint } from "../../hooks/webhooks"
import { formatDateTime } from "../../lib/format"
import { WEBHOOKS_PATH } from "../../lib/paths"
import { WEBHOOK_EVENTS } from "../../lib/webhook-display"
import type { AdminWebhookEndpoint } from "../../types/webhooks"
import { ActionMenu } from "../common/action-menu"
import { SectionRow } from "../common/section-row"
import { WebhookEndpointDrawer } from "./webhook-endpoint-drawer"
import { WebhookSecretDrawer } from "./webhook-secret-drawer"

export const WebhookEndpointGeneralSection = ({ endpoint }: { endpoint: AdminWebhookEndpoint }) => {
  const [isEditing, setIsEditing] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const update = useUpdateWebhookEndpoint(endpoint.id)
  const confirmRotate = useRotateConfirmation(endpoint, setSecret)
  const confirmDelete = useDeleteConfirmation(endpoint)
  const toggle = () =>
    update.mutate(
      { enabled: !endpoint.enabled },
      {
        onSuccess: () => toast.success(endpoint.enabled ? "The endpoint is disabled" : "The endpoint is enabled"),
        onError: (error) => toast.error("Could not change the endpoint", { description: error.message }),
      }
    )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading className="break-all">{endpoint.url}</Heading>
        <div className="flex items-center gap-x-4">
          {endpoint.enabled ? <StatusBadge color="green">Enabled</StatusBadge> : <StatusBadge color="grey">Disabled</StatusBadge>}
          <ActionMenu
            label="Endpoint actions"
            groups={[
              [
                { label: "Edit", icon: <PencilSquare />, onClick: () => setIsEditing(true) },
                { label: endpoint.enabled ? "Disable" : "Enable", icon: <PencilSquare />, onClick: toggle },
                { label: "Rotate secret", icon: <ArrowPath />, onClick: confirmRotate },
              ],
              [{ label: "Delete", icon: <Trash />, onClick: confirmDelete }],
            ]}
          />
        </div>
      </div>
      <SectionRow title="Events" value={endpoint.events.map((type) => WEBHOOK_EVENTS[type] ?? type).join(", ")} />
      <SectionRow title="Description" value={endpoint.description} />
      <SectionRow title="Added" value={formatDateTime(endpoint.created_at)} />
      <SectionRow title="Updated" value={formatDateTime(endpoint.updated_at)} />
      <WebhookEndpointDrawer
        endpoint={endpoint}
        open={isEditing}
        onOpenChange={setIsEditing}
        isSubmitting={update.isPending}
        submit={(payload, handlers) =>
          update.mutate(payload, {
            onSuccess: () => {
              toast.success("The endpoint was saved")
              handlers.onSuccess()
            },
            onError: handlers.onError,
          })
        }
      />
      <WebhookSecretDrawer secret={secret} onClose={() => setSecret(null)} />
    </Container>
  )
}

/** The old secret stops signing at once: the receiver must take the new one before it checks again. */
function useRotateConfirmation(endpoint: AdminWebhookEndpoint, show: (secret: string) => void) {
  const prompt = usePrompt()
  const rotate = useRotateWebhookSecret(endpoint.id)
  return async () => {
    const confirmed = await prompt({
      title: "Rotate the signing secret?",
      description: "Requests are signed with a new secret from now on; a receiver still checking the old one refuses them.",
      confirmText: "Rotate",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    rotate.mutate(undefined, {
      onSuccess: ({ webhook_endpoint }) => show(webhook_endpoint.secret),
      onError: (error) => toast.error("Could not rotate the secret", { description: error.message }),
    })
  }
}

function useDeleteConfirmation(endpoint: AdminWebhookEndpoint) {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const remove = useDeleteWebhookEndpoint(endpoint.id)
  return async () => {
    const confirmed = await prompt({
      title: "Delete endpoint?",
      description: `${endpoint.url} will receive no more events.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.success("The endpoint was deleted")
        navigate(WEBHOOKS_PATH, { replace: true })
      },
      onError: (error) => toast.error("Could not delete the endpoint", { description: error.message }),
    })
  }
}
