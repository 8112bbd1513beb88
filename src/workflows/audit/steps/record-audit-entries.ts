import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fieldChanges } from "../../../modules/audit/lib/changes"
import AuditModuleService from "../../../modules/audit/service"
import { AuditActor, SYSTEM_ACTOR } from "../../../types/audit"
import { MarketingModule } from "../../../types/modules"

export type AuditedChange = {
  action: string
  resource_type: string
  resource_id: string
  /** The record before the change; null for a creation. */
  before: object | null
  /** The record after the change; null for a deletion. */
  after: object | null
  /** Who made this change, when not the step's actor (changes of several requests recorded together). */
  actor?: AuditActor | null
}

export type RecordAuditEntriesInput = { actor?: AuditActor | null; changes: AuditedChange[] }

export const recordAuditEntriesStepId = "record-marketing-audit-entries"

/** Appends one audit entry per change that changed something, with the changed fields and secrets redacted. */
export const recordAuditEntriesStep = createStep(
  recordAuditEntriesStepId,
  async ({ actor, changes }: RecordAuditEntriesInput, { container }) => {
    const entries = changes.flatMap(({ before, after, actor: changedBy, ...target }) => {
      const changed = fieldChanges(before as Record<string, unknown> | null, after as Record<string, unknown> | null)
      // Two versions alike: a re-run (orders recorded again, a customer synced unchanged) did nothing to log.
      if (changed === null && before !== null && after !== null) return []
      const { actor_type, actor_id, request_id = null, ip = null, user_agent = null } = changedBy ?? actor ?? SYSTEM_ACTOR
      return [{ actor_type, actor_id, request_id, ip, user_agent, ...target, changes: changed }]
    })
    if (!entries.length) return new StepResponse([], [])
    const service: AuditModuleService = container.resolve(MarketingModule.AUDIT)
    const created = await service.createAuditEntries(entries)
    return new StepResponse(created, created.map((e: { id: string }) => e.id))
  },
  // The change being audited was undone: so is its entry.
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: AuditModuleService = container.resolve(MarketingModule.AUDIT)
    await service.deleteAuditEntries(ids)
  }
)
