import { Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** The context a service method hands its SQL: the transaction or manager its decorator put there. */
export type SqlContext = Context<EntityManager>

export type PgClient = { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number }> }

/*
 * Services' SQL goes straight to the pg client, with PostgreSQL's own $1 placeholders: knex's raw()
 * takes `?` and expands arrays into lists, which `= ANY($1)` and `unnest($1::text[])` need as arrays.
 * It runs on the connection of the shared context's transaction (a knex transaction hands out its own
 * connection), so that it sees the caller's uncommitted rows and commits or rolls back with them.
 */

/**
 * Statements on the context's connection: the caller's transaction when there is one, else a pooled
 * connection on which each commits on its own (no BEGIN/COMMIT round trips). For reads and single
 * statements, in methods on @InjectManager.
 */
export async function pgConnection<T>(context: SqlContext, work: (client: PgClient) => Promise<T>): Promise<T> {
  const manager = context.transactionManager ?? context.manager
  if (!manager) {
    throw new Error("SQL needs the service method's context: decorate it with @InjectManager or @InjectTransactionManager")
  }
  const knex = manager.getTransactionContext() ?? manager.getKnex()
  const client = (await knex.client.acquireConnection()) as PgClient
  try {
    return await work(oneStatementAtATime(client))
  } finally {
    await knex.client.releaseConnection(client)
  }
}

/**
 * A connection runs one statement at a time. Statements started together (a `Promise.all` of
 * queries) wait their turn in the order they were started, as pg would queue them itself, which pg
 * deprecates (pg 9 will refuse a query while another one runs on the connection).
 */
export function oneStatementAtATime(connection: PgClient): PgClient {
  let previous: Promise<unknown> = Promise.resolve()
  return {
    query(sql, params) {
      const result = previous.then(() => connection.query(sql, params))
      previous = result.catch(() => undefined)
      return result
    },
  }
}

/**
 * Statements that commit or fail together, in the context's transaction: the caller's, or the one
 * @InjectTransactionManager opened for the method.
 */
export function pgTransaction<T>(context: SqlContext, work: (client: PgClient) => Promise<T>): Promise<T> {
  if (!(context.transactionManager ?? context.manager)?.getTransactionContext()) {
    throw new Error("pgTransaction runs in a transaction: decorate the service method with @InjectTransactionManager")
  }
  return pgConnection(context, work)
}

/** One statement on the context's connection (see pgConnection). */
export function pgStatement<T = any>(
  context: SqlContext,
  sql: string,
  params: unknown[]
): Promise<{ rows: T[]; rowCount: number }> {
  return pgConnection(context, (client) => client.query(sql, params))
}
