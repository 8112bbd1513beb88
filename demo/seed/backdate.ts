// Medusa's modules stamp every row they create with "now", but a demo store needs a history: this
// moves the rows' timestamps into the past in one statement per table.
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export async function backdate(
  container: MedusaContainer,
  table: "customer" | "order",
  rows: { id: string; created_at: Date }[]
): Promise<void> {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await db.raw(
    `UPDATE "${table}" AS t SET created_at = v.created_at, updated_at = v.created_at
     FROM unnest(?::text[], ?::timestamptz[]) AS v(id, created_at) WHERE t.id = v.id`,
    [rows.map((r) => r.id), rows.map((r) => r.created_at.toISOString())]
  )
}
