import { Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"

export type PgClient = { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number }> }

/**
 * Runs statements on one pooled connection in one transaction, with PostgreSQL's own $1
 * placeholders: knex's raw() takes `?` and expands arrays into lists, which `= ANY($1)` and
 * `unnest($1::text[])` need as arrays.
 */
export async function pgTransaction<T>(
  context: Context<EntityManager>,
  work: (client: PgClient) => Promise<T>,
  { readOnly = false } = {}
): Promise<T> {
  const knex = context.manager!.getKnex()
  const client = (await knex.client.acquireConnection()) as PgClient
  try {
    await client.query(readOnly ? "BEGIN READ ONLY" : "BEGIN")
    const result = await work(client)
    await client.query("COMMIT")
    return result
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined)
    throw error
  } finally {
    await knex.client.releaseConnection(client)
  }
}

/** One statement on a pooled connection, committed on its own: no BEGIN/COMMIT round trips. */
export async function pgStatement<T = any>(
  context: Context<EntityManager>,
  sql: string,
  params: unknown[]
): Promise<{ rows: T[]; rowCount: number }> {
  const knex = context.manager!.getKnex()
  const client = (await knex.client.acquireConnection()) as PgClient
  try {
    return await client.query(sql, params)
  } finally {
    await knex.client.releaseConnection(client)
  }
}
