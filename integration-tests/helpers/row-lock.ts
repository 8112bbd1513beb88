import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { untilLocksAwaited } from "./lock-waits"

/**
 * Holds a campaign's row locked from a connection of its own, so that concurrent changes of the
 * campaign (requests, worker processes) all read it as it is and then queue on the lock: the race
 * they would run by chance is run every time. `release` waits until `waiters` backends wait for a
 * lock, then lets them go.
 */
export async function holdCampaignRow(container: MedusaContainer, campaignId: string) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const holder = await knex.transaction()
  await holder.raw(`SELECT 1 FROM marketing_campaign WHERE id = ? FOR UPDATE`, [campaignId])
  return {
    async release(waiters: number, ms: number) {
      try {
        await untilLocksAwaited((sql) => knex.raw(sql), { waiters, ms })
      } finally {
        await holder.rollback()
      }
    },
  }
}
