import type { OutgoingMessage } from "../../../types/messaging/providers"

/** Messages whose content is identical once each one's tracking token is replaced by `tag`. */
export interface SharedContentBatch {
  subject?: string
  html?: string
  text: string
  messages: OutgoingMessage[]
}

type Content = Omit<SharedContentBatch, "messages">

interface OpenBatch {
  key: string
  tokenized: boolean
  batch: SharedContentBatch
}

const withTag = (content: string | undefined, token: string | undefined, tag: string) =>
  content !== undefined && token ? content.replaceAll(token, tag) : content

const contentKey = (tokenized: boolean, content: Content) =>
  JSON.stringify([tokenized, content.subject ?? null, content.html ?? null, content.text])

const sameContent = (batch: SharedContentBatch, content: Content) =>
  batch.text === content.text && batch.html === content.html && batch.subject === content.subject

/**
 * Groups messages so a provider with per-recipient substitutions can send each group as one
 * request, splitting groups at `maxPerBatch`. Messages without a token only share a batch with
 * identical token-less messages: their content may contain the tag literally.
 */
export function batchBySharedContent(
  messages: OutgoingMessage[],
  tag: string,
  maxPerBatch: number
): SharedContentBatch[] {
  const open = new Map<string, OpenBatch>()
  const batches: SharedContentBatch[] = []
  let previous: OpenBatch | undefined
  for (const message of messages) {
    const token = message.tracking_token || undefined
    const tokenized = Boolean(token)
    const content: Content = {
      subject: withTag(message.subject, token, tag),
      html: withTag(message.html, token, tag),
      text: withTag(message.text, token, tag)!,
    }
    // Campaign messages arrive with one content throughout: comparing with the previous message's
    // batch first spares serializing every (often large) body into a lookup key.
    const sameAsPrevious = previous?.tokenized === tokenized && sameContent(previous.batch, content)
    const key = sameAsPrevious ? previous!.key : contentKey(tokenized, content)
    let entry = sameAsPrevious ? previous : open.get(key)
    if (!entry || entry.batch.messages.length >= maxPerBatch) {
      entry = { key, tokenized, batch: { ...content, messages: [] } }
      open.set(key, entry)
      batches.push(entry.batch)
    }
    entry.batch.messages.push(message)
    previous = entry
  }
  return batches
}
