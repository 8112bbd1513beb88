import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { changeContactMetadata as changedMetadata, ContactMetadataChange } from "./contact-metadata-change"
import {
  confirmConsentRequest,
  LOCK_CONTACT_METADATA,
  PURCHASES_SINCE,
  REFRESH_CONTACT_AGGREGATES,
  selectContactFields,
  SET_CONTACT_METADATA,
} from "../statements/contacts"

/*
 * Contacts changed and read in SQL: metadata under a row lock, order aggregates from purchases, template fields in
 * one statement, a double opt-in confirmed. The service's methods of the same names run these in their context.
 */

/**
 * Changes a contact's tags and attributes under a row lock, so that two changes at once both
 * count. Returns the metadata before (for compensation) and after.
 */
export function changeContactMetadata(
  context: SqlContext,
  contactId: string,
  change: ContactMetadataChange
): Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown> }> {
  return pgTransaction(context, async (client) => {
    const { rows } = await client.query(LOCK_CONTACT_METADATA, [contactId])
    if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No contact with id '${contactId}'`)
    const before = rows[0].metadata as Record<string, unknown> | null
    const after = changedMetadata(before, change)
    await client.query(SET_CONTACT_METADATA, [contactId, JSON.stringify(after)])
    return { before, after }
  })
}

/**
 * Puts a contact's metadata back exactly as `changeContactMetadata` found it (its workflow compensation): the
 * generated update merges the keys it is given into the metadata, so a key the change added would stay.
 */
export async function revertContactMetadata(context: SqlContext, contactId: string, metadata: Record<string, unknown> | null): Promise<void> {
  await pgStatement(context, SET_CONTACT_METADATA, [contactId, metadata === null ? null : JSON.stringify(metadata)])
}

/**
 * Recomputes contacts' order aggregates from their purchases. Money counts only purchases in
 * `currency` (the store's default): amounts in different currencies do not add up.
 */
export async function refreshContactAggregates(context: SqlContext, contactIds: string[], currency: string): Promise<void> {
  if (!contactIds.length) return
  await pgStatement(context, REFRESH_CONTACT_AGGREGATES, [contactIds, currency.toLowerCase()])
}

/**
 * The given columns of these contacts, erased ones included, as stored: a delivery round reads
 * its recipients' template fields in one statement, without building entities.
 */
export async function contactFields(context: SqlContext, ids: string[], fields: readonly string[]): Promise<Record<string, unknown>[]> {
  if (!ids.length) return []
  const { rows } = await pgStatement(context, selectContactFields(fields), [ids])
  return rows
}

export type ContactPurchase = { contact_id: string; order_id: string; amount: string; currency_code: string; purchased_at: Date }

/**
 * These contacts' purchases at or after `since`, oldest first, in one statement: a journey round reads
 * them for its goals and branches each round, without building entities.
 */
export async function purchasesSince(context: SqlContext, contactIds: string[], since: Date): Promise<ContactPurchase[]> {
  if (!contactIds.length) return []
  const { rows } = await pgStatement<ContactPurchase>(context, PURCHASES_SINCE, [contactIds, since])
  return rows
}

/**
 * Subscribes the contact on the channel if `request_id` is still the open request (see the service's
 * confirmPendingConsent, which checks the address first), in one statement. Returns the consent record written,
 * or null when the request is no longer open.
 */
export async function confirmConsentIfStillOpen(
  context: SqlContext,
  request: { contact_id: string; channel: "email" | "sms"; request_id: string; ip: string | null; user_agent: string | null }
): Promise<string | null> {
  const consent = { email: "email_consent", sms: "sms_consent" }[request.channel]
  const { rows } = await pgStatement<{ id: string }>(context, confirmConsentRequest(consent), [
    request.contact_id,
    request.channel,
    request.request_id,
    generateEntityId(undefined, "mcst"),
    request.ip,
    request.user_agent,
  ])
  return rows[0]?.id ?? null
}
