import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { CompiledSegment, compileSegmentDsl, SegmentReference } from "./lib/segment-dsl/compile"
import { SegmentDslError } from "./lib/segment-dsl/errors"
import ConsentRecord from "./models/consent-record"
import Contact from "./models/contact"
import Purchase from "./models/purchase"
import Segment from "./models/segment"
import SegmentMember from "./models/segment-member"
import Suppression from "./models/suppression"

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

type PgClient = { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number }> }

export default class AudienceModuleService extends MedusaService({
  Contact,
  Purchase,
  ConsentRecord,
  Segment,
  SegmentMember,
  Suppression,
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

  /**
   * Runs statements on one pooled connection in one transaction. The segment compiler writes
   * PostgreSQL's own $1 placeholders, which knex's raw() does not take, hence the driver itself.
   */
  private async transaction<T>(
    context: Context<EntityManager>,
    work: (client: PgClient) => Promise<T>,
    { readOnly = false } = {}
  ): Promise<T> {
    const knex = context.manager!.getKnex()
    const client = (await knex.client.acquireConnection()) as PgClient
    try {
      await client.query(readOnly ? "BEGIN READ ONLY" : "BEGIN")
      const result = await work(client)
      await client.query("COMMIT")
      return result
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined)
      throw error
    } finally {
      await knex.client.releaseConnection(client)
    }
  }

  /** How many contacts a compiled segment matches, and a sample of them (newest first). */
  @InjectManager()
  async previewSegment(
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    sampleSize = 10,
    @MedusaContext() context: Context<EntityManager> = {}
  ) {
    return this.transaction(
      context,
      async (client) => {
        await client.query(`SET LOCAL statement_timeout = ${PREVIEW_TIMEOUT_MS}`)
        const matching = `FROM marketing_contact c WHERE c.deleted_at IS NULL AND (${where})`
        const { rows: [{ count }] } = await client.query(`SELECT count(*)::int AS count ${matching}`, params)
        const { rows: sample } = await client.query(
          `SELECT ${SAMPLE_FIELDS.map((f) => `c.${f}`).join(", ")} ${matching} ORDER BY c.created_at DESC, c.id LIMIT ${Number(sampleSize)}`,
          params
        )
        return { count: count as number, sample: sample.map((row) => ({ ...row, total_spent: Number(row.total_spent) })) }
      },
      { readOnly: true }
    )
  }

  /**
   * Replaces a static segment's members with the contacts the segment matches now, and records
   * their number, in one transaction: the snapshot is whole or not taken.
   */
  @InjectManager()
  async snapshotSegment(
    segmentId: string,
    { where, params }: Pick<CompiledSegment, "where" | "params">,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return this.transaction(context, async (client) => {
      const segment = `$${params.length + 1}`
      await client.query(`DELETE FROM marketing_segment_member WHERE segment_id = $1`, [segmentId])
      const { rowCount } = await client.query(
        `INSERT INTO marketing_segment_member (id, segment_id, contact_id)
         SELECT 'msgm_' || replace(gen_random_uuid()::text, '-', ''), ${segment}, c.id
         FROM marketing_contact c WHERE c.deleted_at IS NULL AND (${where})`,
        [...params, segmentId]
      )
      await client.query(
        `UPDATE marketing_segment SET member_count = $1, counted_at = now(), updated_at = now() WHERE id = $2`,
        [rowCount, segmentId]
      )
      return rowCount
    })
  }
}
