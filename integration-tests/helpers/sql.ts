import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** SQL on the app's own connection, for what a test arranges or reads beside the API. */
export const sql = (container: MedusaContainer, text: string, params: readonly Knex.RawBinding[] = []) =>
  container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, params)
