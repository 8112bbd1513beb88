import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AuditModuleService from "../../../modules/audit/service"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export const pruneAuditEntriesStepId = "prune-marketing-audit-entries"

/**
 * Deletes entries older than the configured retention. No compensation: the log is append-only
 * and pruning by age is the one deletion the store opted into.
 */
export const pruneAuditEntriesStep = createStep(
  pruneAuditEntriesStepId,
  async ({ now }: { now?: Date }, { container }): Promise<StepResponse<{ pruned: number; cutoff: Date | null }>> => {
    const options = marketingOptions(container)
    if (!options.audit_retention_days) return new StepResponse({ pruned: 0, cutoff: null })
    // Workflow input arrives serialised: `now` may be a date string.
    const cutoff = new Date(new Date(now ?? Date.now()).getTime() - options.audit_retention_days * 86_400_000)
    const audit: AuditModuleService = container.resolve(MarketingModule.AUDIT)
    const pruned = await audit.pruneAuditEntriesBefore(cutoff)
    return new StepResponse({ pruned, cutoff })
  }
)
