import { createHash } from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { CompiledSegment, compileSegmentDsl, SegmentReference } from "./lib/segment-dsl/compile"
import { SegmentDslError } from "./lib/segment-dsl/errors"
import { CampaignChannel } from "../../types/campaign/module"
import * as contactImports from "./lib/contact-imports"
import { ContactImportProgress } from "./lib/contact-imports"
import { ImportedContact } from "./lib/contact-rows"
import { ContactMetadataChange } from "./lib/contact-metadata-change"
import * as contacts from "./lib/contacts"
import * as segments from "./lib/segments"
import { SegmentCondition } from "./lib/segments"
import ConsentRecord from "./models/consent-record"
import Contact from "./models/contact"
import ContactImport from "./models/contact-import"
import Purchase from "./models/purchase"
import Segment from "./models/segment"
import SegmentMember from "./models/segment-member"
import Suppression from "./models/suppression"

/** How an erased contact's address stays on the suppression list without staying readable. */
export const hashAddress = (address: string) =>
  `sha256:${createHash("sha256").update(address.trim().toLowerCase()).digest("hex")}`

/*
 * The audience module's one service. Besides the generated CRUD, its methods give each operation of its concerns
 * their context (a connection, or a transaction when the method is on @InjectTransactionManager): segments evaluated
 * in the database (lib/segments.ts), contacts' metadata, aggregates, fields and consent (lib/contacts.ts) and contact
 * imports' progress (lib/contact-imports.ts), where each is described. What reads the stored segments to compile
 * them, checks suppressions or writes imported contacts uses the generated CRUD, and stays here.
 */
export default class AudienceModuleService extends MedusaService({
  Contact,
  Purchase,
  ConsentRecord,
  Segment,
  SegmentMember,
  Suppression,
  ContactImport,
}) {
  /**
   * Compiles DSL text against the stored segments it may refer to. `handle` is the segment being
   * written, so that it cannot refer to itself. Throws SegmentDslError with the position.
   */
  async compileSegment(dsl: string, { handle }: { handle?: string } = {}): Promise<CompiledSegment> {
    const stored = await this.listSegments({}, { select: ["id", "handle", "kind", "dsl"] })
    const byHandle = new Map<string, SegmentReference>(
      stored.map((s: { id: string; handle: string; kind: SegmentReference["kind"]; dsl: string }) => [
        s.handle,
        { id: s.id, kind: s.kind, dsl: s.dsl },
      ])
    )
    return compileSegmentDsl(dsl, { lookup: (h) => byHandle.get(h), handle })
  }

  /** compileSegment for workflows: a DSL problem becomes a 400 that names where it is. */
  async compileSegmentOrThrow(dsl: string, options: { handle?: string } = {}): Promise<CompiledSegment> {
    try {
      return await this.compileSegment(dsl, options)
    } catch (error) {
      if (error instanceof SegmentDslError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `dsl: ${error.message}`)
      }
      throw error
    }
  }

  @InjectTransactionManager()
  async previewSegment(condition: SegmentCondition, sampleSize = 10, @MedusaContext() context: Context<EntityManager> = {}) {
    return segments.previewSegment(context, condition, sampleSize)
  }

  @InjectTransactionManager()
  async snapshotSegment(
    segmentId: string,
    condition: SegmentCondition,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return segments.snapshotSegment(context, segmentId, condition)
  }

  @InjectTransactionManager()
  async changeSegmentMembers(
    input: { segment_id: string; contact_ids: string[]; operation: "add" | "remove" },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return segments.changeSegmentMembers(context, input)
  }

  @InjectTransactionManager()
  async changeContactMetadata(
    contactId: string,
    change: ContactMetadataChange,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown> }> {
    return contacts.changeContactMetadata(context, contactId, change)
  }

  @InjectManager()
  async revertContactMetadata(
    contactId: string,
    metadata: Record<string, unknown> | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await contacts.revertContactMetadata(context, contactId, metadata)
  }

  @InjectManager()
  async refreshContactAggregates(
    contactIds: string[],
    currency: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await contacts.refreshContactAggregates(context, contactIds, currency)
  }

  /**
   * Whether an address may not be messaged on a channel. Erased contacts leave their address
   * behind only as a hash, which still matches.
   */
  @InjectManager()
  async isSuppressed(channel: string, address: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<boolean> {
    const normalised = address.trim().toLowerCase()
    const [hit] = await this.listSuppressions(
      { channel, address: [normalised, hashAddress(normalised)] },
      { select: ["id"], take: 1 },
      context
    )
    return Boolean(hit)
  }

  /**
   * Double opt-in, second half: subscribes the contact on the channel if `request_id` (the consent
   * record written when the subscription was requested) is still the open request: the consent is
   * pending, nothing but another request came after it, and the address is not suppressed. Checked
   * and written in one statement, so that a link confirms once and never undoes a later change.
   * Returns the consent record written, or null when the request is no longer open.
   */
  @InjectManager()
  async confirmPendingConsent(
    request: { contact_id: string; channel: "email" | "sms"; request_id: string; ip: string | null; user_agent: string | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string | null> {
    const address = ({ email: "email", sms: "phone" } as const)[request.channel]
    const [contact] = await this.listContacts({ id: request.contact_id }, { select: [address] }, context)
    const contactAddress = contact?.[address as "email"]
    if (!contactAddress || (await this.isSuppressed(request.channel, contactAddress, context))) return null
    return contacts.confirmConsentIfStillOpen(context, request)
  }

  /** Compiles who is in a segment: a live segment's DSL, or a static segment's snapshot. */
  async compileSegmentMembership(segment: { handle: string; kind: string; dsl: string }): Promise<CompiledSegment> {
    return this.compileSegment(segment.kind === "static" ? `in_segment('${segment.handle}')` : segment.dsl)
  }

  @InjectManager()
  async customersMatchingSegment(
    condition: SegmentCondition,
    contactIds: string[] | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ customer_id: string; matches: boolean }[]> {
    return segments.customersMatchingSegment(context, condition, contactIds)
  }

  @InjectManager()
  async reachableContacts(
    condition: SegmentCondition,
    channel: CampaignChannel,
    page: { afterId: string | null; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; address: string; timezone: string | null }[]> {
    return segments.reachableContacts(context, condition, channel, page)
  }

  @InjectManager()
  async countReachableContacts(
    condition: SegmentCondition,
    channel: CampaignChannel,
    excludedIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return segments.countReachableContacts(context, condition, channel, excludedIds)
  }

  @InjectManager()
  async contactsMatching(
    condition: SegmentCondition,
    contactIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return segments.contactsMatching(context, condition, contactIds)
  }

  @InjectManager()
  async contactFields(
    ids: string[],
    fields: readonly string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<Record<string, unknown>[]> {
    return contacts.contactFields(context, ids, fields)
  }

  @InjectManager()
  async purchasesSince(contactIds: string[], since: Date, @MedusaContext() context: Context<EntityManager> = {}): Promise<contacts.ContactPurchase[]> {
    return contacts.purchasesSince(context, contactIds, since)
  }

  /** The segments a contact is in right now: live ones evaluated, static ones from their snapshot. */
  @InjectManager()
  async segmentsContaining(contactId: string, @MedusaContext() context: Context<EntityManager> = {}) {
    const stored: { id: string; handle: string; name: string; kind: string; dsl: string }[] = await this.listSegments(
      {},
      { select: ["id", "handle", "name", "kind", "dsl"], order: { name: "ASC" } }
    )
    const compiled = await Promise.all(
      stored.map(async (segment) => {
        try {
          return await this.compileSegmentMembership(segment)
        } catch {
          return null // a segment that no longer compiles contains no one
        }
      })
    )
    return segments.segmentsContaining(
      context,
      contactId,
      stored.map(({ id, handle, name, kind }, i) => ({ segment: { id, handle, name, kind }, condition: compiled[i] }))
    )
  }

  /**
   * Creates or updates imported contacts, matched by email, then phone. Blank cells leave fields
   * as they are; a consent column records consent history (source "import") when it changes it.
   */
  @InjectTransactionManager()
  async upsertImportedContacts(
    rows: ImportedContact[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ created: number; updated: number }> {
    const emails = rows.map((r) => r.email).filter(Boolean) as string[]
    const phones = rows.map((r) => r.phone).filter(Boolean) as string[]
    const existing: Record<string, any>[] = await this.listContacts(
      { $or: [...(emails.length ? [{ email: emails }] : []), ...(phones.length ? [{ phone: phones }] : [])] },
      { select: ["id", "email", "phone", "metadata", "email_consent", "sms_consent"] },
      context
    )
    const byEmail = new Map(existing.filter((c) => c.email).map((c) => [c.email, c]))
    const byPhone = new Map(existing.filter((c) => c.phone).map((c) => [c.phone, c]))

    const updates: Record<string, any>[] = []
    const creates: Record<string, any>[] = []
    const consents: { contact: Record<string, any>; channel: "email" | "sms"; status: string }[] = []
    for (const row of rows) {
      const match = (row.email && byEmail.get(row.email)) || (row.phone && byPhone.get(row.phone)) || null
      const fields = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined))
      if (match) {
        if (row.metadata) fields.metadata = { ...(match.metadata ?? {}), ...row.metadata }
        updates.push({ id: match.id, ...fields })
      } else {
        creates.push({ ...fields, source: "import" })
      }
      for (const channel of ["email", "sms"] as const) {
        const status = row[`${channel}_consent`]
        if (status && status !== match?.[`${channel}_consent`]) consents.push({ contact: match ?? fields, channel, status })
      }
    }
    const updated = updates.length ? await this.updateContacts(updates, context) : []
    const created: { id: string; email: string | null; phone: string | null }[] = creates.length
      ? await this.createContacts(creates, context)
      : []
    const idOf = (contact: Record<string, any>) =>
      contact.id ?? created.find((c) => (contact.email && c.email === contact.email) || (contact.phone && c.phone === contact.phone))!.id
    if (consents.length) {
      await this.createConsentRecords(
        consents.map(({ contact, channel, status }) => ({ contact_id: idOf(contact), channel, status, source: "import" })),
        context
      )
    }
    return { created: created.length, updated: updated.length }
  }

  @InjectManager()
  async claimContactImport(id: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<boolean> {
    return contactImports.claimContactImport(context, id)
  }

  @InjectManager()
  async recordRunningContactImport(
    id: string,
    fields: ContactImportProgress,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<boolean> {
    return contactImports.recordRunningContactImport(context, id, fields)
  }

  @InjectManager()
  async failStalledContactImports(
    before: Date,
    reason: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; status: "pending" | "processing" }[]> {
    return contactImports.failStalledContactImports(context, before, reason)
  }
}
