import { eventually } from "./eventually"

type Query = (sql: string) => Promise<{ rows: any[] }>

/** How many backends of this database wait for a lock (only advisory locks, with `advisory`). */
export async function lockWaiters(query: Query, { advisory = false } = {}): Promise<number> {
  const { rows } = await query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'` +
      (advisory ? ` AND wait_event = 'advisory'` : "")
  )
  return rows[0].n
}

/**
 * Returns once at least `waiters` backends wait for a lock, as statements queued behind a held row
 * or lock do; throws when fewer do within `ms`.
 */
export async function untilLocksAwaited(query: Query, { waiters = 1, advisory = false, ms = 10_000 } = {}): Promise<void> {
  const queued = await eventually(() => lockWaiters(query, { advisory }), (n) => n >= waiters, ms)
  if (queued < waiters) throw new Error(`${queued} of ${waiters} statements waited for a lock within ${ms} ms`)
}
