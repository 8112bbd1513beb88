import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgStatement } from "../../lib/pg-transaction"
import AuditEntry from "./models/audit-entry"
import { PRUNE_AUDIT_ENTRIES_BEFORE, REDACT_AUDIT_ENTRIES_FOR } from "./statements"

/**
 * The audit log is append-only: the plugin's routes only create and read entries. The single way
 * entries leave is pruning by age, when the store sets a retention period.
 */
export default class AuditModuleService extends MedusaService({ AuditEntry }) {
  /** Deletes every entry created before `cutoff`; returns how many went. */
  @InjectManager()
  async pruneAuditEntriesBefore(cutoff: Date, @MedusaContext() context: Context<EntityManager> = {}) {
    const { rowCount } = await pgStatement(context, PRUNE_AUDIT_ENTRIES_BEFORE, [cutoff])
    return rowCount
  }

  /**
   * GDPR erasure: the one edit the log accepts. Entries about an erased record keep who did what
   * and when, but no longer the personal data that changed.
   */
  @InjectManager()
  async redactAuditEntriesFor(
    resourceType: string,
    resourceId: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    const { rowCount } = await pgStatement(context, REDACT_AUDIT_ENTRIES_FOR, [resourceType, resourceId])
    return rowCount
  }
}
