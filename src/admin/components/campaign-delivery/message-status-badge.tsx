import { StatusBadge } from "@medusajs/ui"
import type { MessageStatus } from "../../../types/messaging"
import { MESSAGE_STATUS_COLORS, MESSAGE_STATUS_LABELS } from "../../lib/message-display"

export const MessageStatusBadge = ({ status }: { status: MessageStatus }) => (
  <StatusBadge color={MESSAGE_STATUS_COLORS[status]}>{MESSAGE_STATUS_LABELS[status]}</StatusBadge>
)
