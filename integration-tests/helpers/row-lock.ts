import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eventually } from "./eventually"

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
  const waiting = async () => {
    const { rows } = await knex.raw(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
    )
    return rows[0].n as number
  }
  return {
    async release(waiters: number, ms: number) {
      const queued = await eventually(waiting, (n) => n >= waiters, ms)
      await holder.rollback()
      if (queued < waiters) throw new Error(`${queued} of ${waiters} changes queued on the campaign within ${ms} ms`)
    },
  }
}
