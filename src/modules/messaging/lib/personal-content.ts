import type { OutgoingMessage } from "../../../types/messaging/providers"

/** A part of a message's content with the message's own token where the content's tag stands. */
export function personal<T extends string | undefined>(message: OutgoingMessage, part: T): T {
  const { tag } = message.content
  return (part !== undefined && tag && message.tracking_token ? part.replaceAll(tag, message.tracking_token) : part) as T
}
