import { pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import {
  CLEAR_PERSONAL_EVENT_DATA,
  ERASE_MESSAGES_OF_CONTACT,
  LOCK_MESSAGES_OF_CONTACT,
  PERSONAL_EVENT_DATA_OF_CONTACT,
  RESTORE_ERASED_MESSAGES,
  RESTORE_PERSONAL_EVENT_DATA,
} from "../statements/erasure"

/*
 * A contact's messages erased, and put back when the erasure's workflow fails after it. The service's methods of the
 * same names run these in a transaction.
 */

/** What an erasure changed: each message's and event's personal fields as they were. */
export interface ErasedMessages {
  messages: { id: string; to: string; status: string; error: string | null }[]
  events: { id: string; ip: string | null; user_agent: string | null }[]
}

/**
 * GDPR erasure of a contact's messages: addresses replaced, the IP and user agent of their
 * events cleared, and whatever had not left yet failed, so that nothing reaches the person
 * afterwards. Returns what it changed, so that a failed erasure can put it back.
 */
export function eraseMessagesOf(context: SqlContext, contactId: string): Promise<ErasedMessages> {
  return pgTransaction(context, async (client) => {
    const { rows: messages } = await client.query(LOCK_MESSAGES_OF_CONTACT, [contactId])
    const { rows: events } = await client.query(PERSONAL_EVENT_DATA_OF_CONTACT, [contactId])
    await client.query(ERASE_MESSAGES_OF_CONTACT, [contactId])
    await client.query(CLEAR_PERSONAL_EVENT_DATA, [events.map((e) => e.id)])
    return { messages, events }
  })
}

/** Puts back what eraseMessagesOf changed. */
export async function unEraseMessages(context: SqlContext, { messages, events }: ErasedMessages): Promise<void> {
  await pgTransaction(context, async (client) => {
    await client.query(RESTORE_ERASED_MESSAGES, [
      messages.map((m) => m.id),
      messages.map((m) => m.to),
      messages.map((m) => m.status),
      messages.map((m) => m.error),
    ])
    await client.query(RESTORE_PERSONAL_EVENT_DATA, [
      events.map((e) => e.id),
      events.map((e) => e.ip),
      events.map((e) => e.user_agent),
    ])
  })
}
