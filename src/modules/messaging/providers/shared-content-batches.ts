import type { OutgoingMessage, RenderedContent } from "../../../types/messaging/providers"

/** Messages that share one content object: they differ at most by their tokens. */
export interface SharedContentBatch {
  content: RenderedContent
  messages: OutgoingMessage[]
}

/**
 * Groups messages by their content object, so that a provider prepares each content once (one
 * request with per-recipient substitutions, one encoding), splitting groups at `maxPerBatch`.
 * Batches come in the order of their first message.
 */
export function batchBySharedContent(messages: OutgoingMessage[], maxPerBatch: number): SharedContentBatch[] {
  const open = new Map<RenderedContent, SharedContentBatch>()
  const batches: SharedContentBatch[] = []
  for (const message of messages) {
    let batch = open.get(message.content)
    if (!batch || batch.messages.length >= maxPerBatch) {
      batch = { content: message.content, messages: [] }
      open.set(message.content, batch)
      batches.push(batch)
    }
    batch.messages.push(message)
  }
  return batches
}
