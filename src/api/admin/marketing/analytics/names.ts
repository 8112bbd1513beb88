import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type Named = { id: string; name: string }

/** Names of the records of some ids, deleted ones too (their orders and messages stay). */
export async function namesOf(scope: MedusaContainer, entity: "marketing_campaign" | "journey" | "marketing_promotion", ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  if (!wanted.length) return new Map<string, Named>()
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity,
    fields: ["id", "name"],
    filters: { id: wanted },
    withDeleted: true,
  })
  return new Map(data.map((row: Named) => [row.id, { id: row.id, name: row.name }]))
}
