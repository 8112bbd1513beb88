import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordOrdersWorkflow } from "../workflows/audience/workflows/record-orders"
import { syncContactsFromCustomersWorkflow } from "../workflows/audience/workflows/sync-contacts-from-customers"

const PAGE = 500

/**
 * Brings every existing customer and order into the audience, a page at a time, logging progress.
 * Each page is one workflow run, idempotent, so an interrupted backfill can simply run again.
 */
export async function backfillAudience(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const pages = async (entity: "customer" | "order", run: (ids: string[]) => Promise<unknown>) => {
    for (let skip = 0, done = 0; ; skip += PAGE) {
      const { data, metadata } = await query.graph({
        entity,
        fields: ["id"],
        pagination: { skip, take: PAGE, order: { created_at: "ASC", id: "ASC" } },
      })
      if (!data.length) return
      await run(data.map((row: { id: string }) => row.id))
      done += data.length
      logger.info(`Marketing audience backfill: ${done}/${metadata!.count} ${entity}s`)
    }
  }

  await pages("customer", (customer_ids) => syncContactsFromCustomersWorkflow(container).run({ input: { customer_ids } }))
  await pages("order", (order_ids) => recordOrdersWorkflow(container).run({ input: { order_ids } }))
}
