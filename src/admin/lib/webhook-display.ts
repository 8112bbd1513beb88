import type { WebhookDeliveryStatus, WebhookEventType } from "../../types/webhook"

type BadgeColor = "green" | "red" | "orange" | "grey" | "blue"

/** The events an endpoint can subscribe to, as a store owner would name them. */
export const WEBHOOK_EVENTS: Record<WebhookEventType, string> = {
  "message.delivered": "Message delivered",
  "message.opened": "Message opened",
  "message.clicked": "Message clicked",
  "message.bounced": "Message bounced",
  "contact.unsubscribed": "Contact unsubscribed",
  "code.redeemed": "Code redeemed",
  "journey.entered": "Journey entered",
  "journey.converted": "Journey converted",
}

export const WEBHOOK_DELIVERY_STATUSES: Record<WebhookDeliveryStatus, { label: string; color: BadgeColor }> = {
  pending: { label: "Pending", color: "orange" },
  sending: { label: "Sending", color: "blue" },
  delivered: { label: "Delivered", color: "green" },
  failed: { label: "Failed", color: "red" },
}
