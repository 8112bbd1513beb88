import type { OutgoingMessage } from "../../../types/messaging/providers"

/** Messages whose content is identical once each one's tracking token is replaced by `tag`. */
export interface SharedContentBatch {
  /** What stands for each message's token in the content; none when the messages have no token. */
  tag?: string
  subject?: string
  html?: string
  text: string
  messages: OutgoingMessage[]
}

type Content = Omit<SharedContentBatch, "tag" | "messages">

interface OpenBatch {
  key: string
  batch: SharedContentBatch
}

const withTag = (content: string | undefined, token: string | undefined, tag: string | undefined) =>
  content !== undefined && token && tag ? content.replaceAll(token, tag) : content

const contentKey = (tag: string | undefined, content: Content) =>
  JSON.stringify([tag ?? null, content.subject ?? null, content.html ?? null, content.text])

const sameContent = (batch: SharedContentBatch, content: Content) =>
  batch.text === content.text && batch.html === content.html && batch.subject === content.subject

/**
 * Groups messages so that a provider can prepare each group's content once (one request with
 * per-recipient substitutions, one encoding), splitting groups at `maxPerBatch`. A token's tag may
 * depend on it (its length); messages only share a batch under the same tag. Messages without a
 * token only share a batch with identical token-less messages: their content may hold a tag literally.
 */
export function batchBySharedContent(
  messages: OutgoingMessage[],
  tagFor: (token: string) => string,
  maxPerBatch: number
): SharedContentBatch[] {
  const open = new Map<string, OpenBatch>()
  const batches: SharedContentBatch[] = []
  let previous: OpenBatch | undefined
  for (const message of messages) {
    const token = message.tracking_token || undefined
    const tag = token && tagFor(token)
    const content: Content = {
      subject: withTag(message.subject, token, tag),
      html: withTag(message.html, token, tag),
      text: withTag(message.text, token, tag)!,
    }
    // Campaign messages arrive with one content throughout: comparing with the previous message's
    // batch first spares serializing every (often large) body into a lookup key.
    const sameAsPrevious = previous !== undefined && previous.batch.tag === tag && sameContent(previous.batch, content)
    const key = sameAsPrevious ? previous!.key : contentKey(tag, content)
    let entry = sameAsPrevious ? previous : open.get(key)
    if (!entry || entry.batch.messages.length >= maxPerBatch) {
      entry = { key, batch: { tag, ...content, messages: [] } }
      open.set(key, entry)
      batches.push(entry.batch)
    }
    entry.batch.messages.push(message)
    previous = entry
  }
  return batches
}
