import type { CampaignChannel } from "../../types/campaign/module"
import type { MessageStatus } from "../../types/messaging"

/** How each message status reads in badges and filters. */
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
}

/** The badge colours: grey waiting, orange on its way, green out, red refused, as in the delivery bar. */
export const MESSAGE_STATUS_COLORS: Record<MessageStatus, "grey" | "orange" | "green" | "red"> = {
  queued: "grey",
  sending: "orange",
  sent: "green",
  delivered: "green",
  failed: "red",
  bounced: "red",
}

/** What a message is sent to on each channel, as the test send asks for it. */
export const CHANNEL_ADDRESSES: Record<CampaignChannel, { label: string; type: "email" | "tel" | "text"; hint?: string }> = {
  email: { label: "Email address", type: "email" },
  sms: { label: "Phone number", type: "tel", hint: "In international form, e.g. +4915112345678." },
  push: { label: "Device or contact reference", type: "text" },
}
