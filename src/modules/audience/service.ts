import { createHash } from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { CompiledSegment, compileSegmentDsl, SegmentReference } from "./lib/segment-dsl/compile"
import { SegmentDslError } from "./lib/segment-dsl/errors"
import { pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { CampaignChannel } from "../../types/campaign/module"
import { ImportedContact } from "./lib/contact-rows"
import { changeContactMetadata, ContactMetadataChange } from "./lib/contact-metadata-change"
import ConsentRecord from "./models/consent-record"
import Contact from "./models/contact"
import ContactImport from "./models/contact-import"
import Purchase from "./models/purchase"
import Segment from "./models/segment"
import SegmentMember from "./models/segment-member"
import Suppression from "./models/suppression"
import {
  ADD_SEGMENT_MEMBERS,
  CLAIM_CONTACT_IMPORT,
  CLEAR_SEGMENT_MEMBERS,
  confirmPendingConsent,
  contactFields,
  contactMatches,
  countMatchingContacts,
  countReachableContacts,
  customersOfSegment,
  FAIL_STALLED_CONTACT_IMPORTS,
  limitStatementTime,
  LOCK_CONTACT_METADATA,
  matchingAmongContacts,
  reachableContactsPage,
  RECORD_RUNNING_CONTACT_IMPORT,
  RECOUNT_SEGMENT_MEMBERS,
  REFRESH_CONTACT_AGGREGATES,
  REMOVE_SEGMENT_MEMBERS,
  RESTORE_STATEMENT_TIMEOUT,
  sampleMatchingContacts,
  SET_CONTACT_METADATA,
  SET_SEGMENT_MEMBER_COUNT,
  SHOW_STATEMENT_TIMEOUT,
  snapshotSegmentMembers,
} from "./statements"

/** How an erased contact's address stays on the suppression list without staying readable. */
export const hashAddress = (address: string) =>
  `sha256:${createHash("sha256").update(address.trim().toLowerCase()).digest("hex")}`

/** A preview answers as the user types: a query that takes longer is cut off. */
const PREVIEW_TIMEOUT_MS = 5_000

export const SAMPLE_FIELDS = [
  "id",
  "email",
  "phone",
  "first_name",
  "last_name",
  "country_code",
  "orders_count",
  "total_spent",
  "last_order_at",
] as const

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
    const segments = await this.listSegments({}, { select: ["id", "handle", "kind", "dsl"] })
    const byHandle = new Map<string, SegmentReference>(
      segments.map((s: { id: string; handle: string; kind: SegmentReference["kind"]; dsl: string }) => [
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

  /** How many contacts a compiled segment matches, and a sample of them (newest first). */
  @InjectTransactionManager()
  async previewSegment(
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    sampleSize = 10,
    @MedusaContext() context: Context<EntityManager> = {}
  ) {
    return pgTransaction(
      context,
      async (client) => {
        const { rows: [{ statement_timeout }] } = await client.query(SHOW_STATEMENT_TIMEOUT)
        await client.query(limitStatementTime(PREVIEW_TIMEOUT_MS))
        const { rows: [{ count }] } = await client.query(countMatchingContacts(where), params)
        const { rows: sample } = await client.query(sampleMatchingContacts(where, SAMPLE_FIELDS, sampleSize), params)
        // The cut-off is the preview's own: a caller's transaction goes on with its timeout.
        await client.query(RESTORE_STATEMENT_TIMEOUT, [statement_timeout])
        return { count: count as number, sample: sample.map((row) => ({ ...row, total_spent: Number(row.total_spent) })) }
      }
    )
  }

  /**
   * Replaces a static segment's members with the contacts the segment matches now, and records
   * their number, in one transaction: the snapshot is whole or not taken.
   */
  @InjectTransactionManager()
  async snapshotSegment(
    segmentId: string,
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return pgTransaction(context, async (client) => {
      await client.query(CLEAR_SEGMENT_MEMBERS, [segmentId])
      const { rowCount } = await client.query(snapshotSegmentMembers(where, params.length), [...params, segmentId])
      await client.query(SET_SEGMENT_MEMBER_COUNT, [rowCount, segmentId])
      return rowCount
    })
  }

  /**
   * Adds contacts to, or removes them from, a static segment's members, and recounts them. Returns
   * the contacts whose membership changed (an erased contact is never added), for compensation.
   */
  @InjectTransactionManager()
  async changeSegmentMembers(
    { segment_id, contact_ids, operation }: { segment_id: string; contact_ids: string[]; operation: "add" | "remove" },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return pgTransaction(context, async (client) => {
      const { rows } =
        operation === "add"
          ? await client.query(ADD_SEGMENT_MEMBERS, [segment_id, contact_ids])
          : await client.query(REMOVE_SEGMENT_MEMBERS, [segment_id, contact_ids])
      if (rows.length) {
        await client.query(RECOUNT_SEGMENT_MEMBERS, [segment_id])
      }
      return rows.map((row) => row.contact_id as string)
    })
  }

  /**
   * Changes a contact's tags and attributes under a row lock, so that two changes at once both
   * count. Returns the metadata before (for compensation) and after.
   */
  @InjectTransactionManager()
  async changeContactMetadata(
    contactId: string,
    change: ContactMetadataChange,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown> }> {
    return pgTransaction(context, async (client) => {
      const { rows } = await client.query(LOCK_CONTACT_METADATA, [contactId])
      if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No contact with id '${contactId}'`)
      const before = rows[0].metadata as Record<string, unknown> | null
      const after = changeContactMetadata(before, change)
      await client.query(SET_CONTACT_METADATA, [contactId, JSON.stringify(after)])
      return { before, after }
    })
  }

  /**
   * Puts a contact's metadata back exactly as `changeContactMetadata` found it (its workflow compensation): the
   * generated update merges the keys it is given into the metadata, so a key the change added would stay.
   */
  @InjectManager()
  async revertContactMetadata(
    contactId: string,
    metadata: Record<string, unknown> | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgStatement(context, SET_CONTACT_METADATA, [contactId, metadata === null ? null : JSON.stringify(metadata)])
  }

  /**
   * Recomputes contacts' order aggregates from their purchases. Money counts only purchases in
   * `currency` (the store's default): amounts in different currencies do not add up.
   */
  @InjectManager()
  async refreshContactAggregates(
    contactIds: string[],
    currency: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    if (!contactIds.length) return
    await pgConnection(context, async (client) => {
      await client.query(REFRESH_CONTACT_AGGREGATES, [contactIds, currency.toLowerCase()])
    })
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
    const { consent, address } = { email: { consent: "email_consent", address: "email" }, sms: { consent: "sms_consent", address: "phone" } }[
      request.channel
    ]
    const [contact] = await this.listContacts({ id: request.contact_id }, { select: [address] }, context)
    const contactAddress = contact?.[address as "email"]
    if (!contactAddress || (await this.isSuppressed(request.channel, contactAddress, context))) return null
    const { rows } = await pgStatement<{ id: string }>(
      context,
      confirmPendingConsent(consent),
      [request.contact_id, request.channel, request.request_id, generateEntityId(undefined, "mcst"), request.ip, request.user_agent]
    )
    return rows[0]?.id ?? null
  }

  /** Compiles who is in a segment: a live segment's DSL, or a static segment's snapshot. */
  async compileSegmentMembership(segment: { handle: string; kind: string; dsl: string }): Promise<CompiledSegment> {
    return this.compileSegment(segment.kind === "static" ? `in_segment('${segment.handle}')` : segment.dsl)
  }

  /**
   * The native customers a compiled segment matches. With `contactIds`, only those contacts'
   * customers are evaluated and each comes back with whether it matches, so that a caller can
   * also see who left; without, every matching customer.
   */
  @InjectManager()
  async customersMatchingSegment(
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    contactIds: string[] | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ customer_id: string; matches: boolean }[]> {
    return pgConnection(
      context,
      async (client) => {
        const scoped = contactIds !== null
        const { rows } = await client.query(
          customersOfSegment(where, params.length, scoped),
          scoped ? [...params, contactIds] : params
        )
        return rows
      }
    )
  }

  /**
   * One page of a segment's reachable contacts on a channel, in id order after `afterId`: those
   * with an address and consent, and whose address is not suppressed (erased contacts leave
   * theirs behind as a hash, which still matches). Push goes to customers, addressed by id.
   */
  @InjectManager()
  async reachableContacts(
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    channel: CampaignChannel,
    { afterId, limit }: { afterId: string | null; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; address: string; timezone: string | null }[]> {
    return pgConnection(
      context,
      async (client) => {
        const { rows } = await client.query(
          reachableContactsPage(where, params.length, channel, limit),
          [...params, channel, afterId]
        )
        return rows
      }
    )
  }

  /** How many of a segment's contacts are reachable on a channel (as reachableContacts reads them), leaving out `excludedIds`. */
  @InjectManager()
  async countReachableContacts(
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    channel: CampaignChannel,
    excludedIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return pgConnection(
      context,
      async (client) => {
        const { rows } = await client.query(
          countReachableContacts(where, params.length, channel),
          [...params, channel, excludedIds]
        )
        return rows[0].count
      }
    )
  }

  /** Which of these contacts a compiled condition matches now (erased ones never). */
  @InjectManager()
  async contactsMatching(
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    contactIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!contactIds.length) return []
    const { rows } = await pgStatement(context, matchingAmongContacts(where, params.length), [...params, contactIds])
    return rows.map((row: { id: string }) => row.id)
  }

  /**
   * The given columns of these contacts, erased ones included, as stored: a delivery round reads
   * its recipients' template fields in one statement, without building entities.
   */
  @InjectManager()
  async contactFields(
    ids: string[],
    fields: readonly string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<Record<string, unknown>[]> {
    if (!ids.length) return []
    const { rows } = await pgStatement(context, contactFields(fields), [ids])
    return rows
  }

  /** The segments a contact is in right now: live ones evaluated, static ones from their snapshot. */
  @InjectManager()
  async segmentsContaining(contactId: string, @MedusaContext() context: Context<EntityManager> = {}) {
    const segments: { id: string; handle: string; name: string; kind: string; dsl: string }[] = await this.listSegments(
      {},
      { select: ["id", "handle", "name", "kind", "dsl"], order: { name: "ASC" } }
    )
    const compiled = await Promise.all(
      segments.map(async (segment) => {
        try {
          return await this.compileSegmentMembership(segment)
        } catch {
          return null // a segment that no longer compiles contains no one
        }
      })
    )
    return pgConnection(
      context,
      async (client) => {
        const members = []
        for (const [i, segment] of segments.entries()) {
          const where = compiled[i]
          if (!where) continue
          const { rowCount } = await client.query(contactMatches(where.where, where.params.length), [...where.params, contactId])
          if (rowCount) members.push({ id: segment.id, handle: segment.handle, name: segment.name, kind: segment.kind })
        }
        return members
      }
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

  /** Takes a pending import for processing; false when another worker has it already. */
  @InjectManager()
  async claimContactImport(id: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<boolean> {
    return pgConnection(context, async (client) => {
      const { rowCount } = await client.query(CLAIM_CONTACT_IMPORT, [id])
      return rowCount === 1
    })
  }

  /**
   * Records a running import's progress, or its end when `status` is given, unless it is no longer
   * running: the stalled-import job may have failed it while its worker was slow. Then nothing is
   * written and the answer is false, so that the worker stops instead of turning `failed` into `completed`.
   */
  @InjectManager()
  async recordRunningContactImport(
    id: string,
    fields: Partial<{
      processed_rows: number
      created_count: number
      updated_count: number
      rejected_count: number
      problems: { rows: unknown[] }
      status: "completed" | "failed"
      error: string
    }>,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<boolean> {
    const { rowCount } = await pgStatement(
      context,
      RECORD_RUNNING_CONTACT_IMPORT,
      [
        id,
        fields.processed_rows ?? null,
        fields.created_count ?? null,
        fields.updated_count ?? null,
        fields.rejected_count ?? null,
        fields.problems ? JSON.stringify(fields.problems) : null,
        fields.status ?? null,
        fields.error ?? null,
      ]
    )
    return rowCount === 1
  }

  /**
   * Fails the imports that have not moved since `before`: pending ones whose processing never started
   * (the event was lost) and processing ones that stopped reporting progress (each batch reports some).
   * Returns them with the status they had.
   */
  @InjectManager()
  async failStalledContactImports(
    before: Date,
    reason: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; status: "pending" | "processing" }[]> {
    const { rows } = await pgStatement(context, FAIL_STALLED_CONTACT_IMPORTS, [before, reason])
    return rows
  }
}
