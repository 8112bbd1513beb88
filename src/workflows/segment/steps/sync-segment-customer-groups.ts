import { ICustomerModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SegmentDslError } from "../../../modules/audience/lib/segment-dsl/errors"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

export type CustomerGroupSync = { segment_id: string; customer_group_id: string; added: string[]; removed: string[] }

type Pair = { customer_id: string; customer_group_id: string }

export const syncSegmentCustomerGroupsStepId = "sync-marketing-segment-customer-groups"

/**
 * Makes the customer group of every synced segment hold exactly the customers the segment
 * matches. With `contact_ids` only those contacts' customers are re-evaluated (after a profile
 * or order changed); without, every member is (after a segment changed, and on a schedule for
 * conditions that move with time such as days_since_last_order).
 */
export const syncSegmentCustomerGroupsStep = createStep(
  syncSegmentCustomerGroupsStepId,
  async ({ contact_ids }: { contact_ids?: string[] | null }, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const scope = contact_ids ?? null
    const segments: { id: string; handle: string; kind: string; dsl: string; customer_group_id: string }[] =
      scope?.length === 0
        ? []
        : await audience.listSegments(
            { customer_group_id: { $ne: null } },
            { select: ["id", "handle", "kind", "dsl", "customer_group_id"] }
          )
    const existing = new Set(
      segments.length
        ? (
            await customers.listCustomerGroups(
              { id: segments.map((s) => s.customer_group_id) },
              { select: ["id"] }
            )
          ).map((g) => g.id)
        : []
    )
    const syncs: CustomerGroupSync[] = []
    const added: Pair[] = []
    const removed: Pair[] = []
    try {
      for (const segment of segments) {
        if (!existing.has(segment.customer_group_id)) {
          logger.warn(`marketing: customer group of segment '${segment.handle}' was deleted; it is no longer synced`)
          continue
        }
        let compiled
        try {
          compiled = await audience.compileSegmentMembership(segment)
        } catch (error) {
          if (!(error instanceof SegmentDslError)) throw error
          logger.warn(`marketing: segment '${segment.handle}' no longer compiles; its customer group is left as it is`)
          continue
        }
        const evaluated = await audience.customersMatchingSegment(compiled, scope)
        const wanted = new Set(evaluated.filter((e) => e.matches).map((e) => e.customer_id))
        const current = await customers.listCustomers(
          { groups: segment.customer_group_id, ...(scope ? { id: evaluated.map((e) => e.customer_id) } : {}) },
          { select: ["id"], take: null }
        )
        const inGroup = new Set(current.map((c) => c.id))
        const sync: CustomerGroupSync = {
          segment_id: segment.id,
          customer_group_id: segment.customer_group_id,
          added: [...wanted].filter((id) => !inGroup.has(id)),
          removed: [...inGroup].filter((id) => !wanted.has(id)),
        }
        const pairs = (ids: string[]) => ids.map((customer_id) => ({ customer_id, customer_group_id: sync.customer_group_id }))
        if (sync.added.length) {
          await customers.addCustomerToGroup(pairs(sync.added))
          added.push(...pairs(sync.added))
        }
        if (sync.removed.length) {
          await customers.removeCustomerFromGroup(pairs(sync.removed))
          removed.push(...pairs(sync.removed))
        }
        if (sync.added.length || sync.removed.length) syncs.push(sync)
      }
    } catch (error) {
      await undo(customers, { added, removed })
      throw error
    }
    return new StepResponse(syncs, { added, removed })
  },
  async (applied, { container }) => {
    if (applied) await undo(container.resolve(Modules.CUSTOMER), applied)
  }
)

async function undo(customers: ICustomerModuleService, { added, removed }: { added: Pair[]; removed: Pair[] }) {
  if (added.length) await customers.removeCustomerFromGroup(added)
  if (removed.length) await customers.addCustomerToGroup(removed)
}
