import { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENT_GROUP_METADATA_KEY } from "../../../types/audience"

export type SegmentCustomerGroupChange = {
  segment: { id: string; name: string; customer_group_id: string | null }
  /** Whether the segment should be synced to a customer group from now on. */
  sync: boolean
}

type GroupState = { id: string; name: string; metadata: Record<string, unknown> | null }

export const setSegmentCustomerGroupsStepId = "set-marketing-segment-customer-groups"

/**
 * Gives each segment that should be synced a native customer group named after it (renamed with
 * it), and lets go of the group of a segment that should not be. A released group is kept, with
 * its last members, because native promotions may still target it. Returns the group id of each
 * segment.
 */
export const setSegmentCustomerGroupsStep = createStep(
  setSegmentCustomerGroupsStepId,
  async (changes: SegmentCustomerGroupChange[], { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const groupIds: Record<string, string | null> = {}
    const created: string[] = []
    const previous: GroupState[] = []
    try {
      for (const { segment, sync } of changes) {
        groupIds[segment.id] = segment.customer_group_id
        if (sync && !segment.customer_group_id) {
          await ensureGroupNameFree(customers, segment.name, null)
          const group = await customers.createCustomerGroups({
            name: segment.name,
            metadata: { [SEGMENT_GROUP_METADATA_KEY]: segment.id },
          })
          created.push(group.id)
          groupIds[segment.id] = group.id
        } else if (segment.customer_group_id) {
          const [group] = await customers.listCustomerGroups(
            { id: segment.customer_group_id },
            { select: ["id", "name", "metadata"] }
          )
          if (!group) {
            // Deleted in the native admin: nothing to rename or release.
            groupIds[segment.id] = null
            continue
          }
          if (sync && group.name !== segment.name) {
            await ensureGroupNameFree(customers, segment.name, group.id)
            previous.push(group as GroupState)
            await customers.updateCustomerGroups(group.id, { name: segment.name })
          } else if (!sync) {
            previous.push(group as GroupState)
            // Medusa merges metadata on update; an empty string is how a key is removed.
            await customers.updateCustomerGroups(group.id, { metadata: { [SEGMENT_GROUP_METADATA_KEY]: "" } })
            groupIds[segment.id] = null
          }
        }
      }
    } catch (error) {
      // The step's own partial work is not compensated by the engine when it throws.
      await restore(customers, { created, previous })
      throw error
    }
    return new StepResponse(groupIds, { created, previous })
  },
  async (revert, { container }) => {
    if (revert) await restore(container.resolve(Modules.CUSTOMER), revert)
  }
)

async function ensureGroupNameFree(customers: ICustomerModuleService, name: string, ownId: string | null) {
  const [taken] = await customers.listCustomerGroups({ name }, { select: ["id"] })
  if (taken && taken.id !== ownId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `sync_customer_group: a customer group named '${name}' already exists, rename the segment or that group`
    )
  }
}

async function restore(customers: ICustomerModuleService, { created, previous }: { created: string[]; previous: GroupState[] }) {
  if (created.length) await customers.deleteCustomerGroups(created)
  for (const group of previous) {
    await customers.updateCustomerGroups(group.id, { name: group.name, metadata: group.metadata })
  }
}
