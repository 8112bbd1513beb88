/**
 * pg_stat_statements in a benchmark's database (started with `startDatabase(..., { statements: true })`):
 * forget what ran so far, then list what ran since by total execution time.
 */
type Query = (sql: string) => Promise<{ rows: any[] }>

export type StatementFigure = { calls: number; total_ms: number; rows: number; query: string }

export async function resetStatements(query: Query) {
  await query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
  await query("SELECT pg_stat_statements_reset()")
}

/** The `limit` statements of this database with the most execution time since the reset, their text on one line. */
export async function statementsByTotalTime(query: Query, limit = 15): Promise<StatementFigure[]> {
  const { rows } = await query(
    `SELECT calls::int, total_exec_time AS total_ms, rows::int, query FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
      ORDER BY total_exec_time DESC LIMIT ${Number(limit)}`
  )
  return rows.map((row) => ({ ...row, query: String(row.query).replace(/\s+/g, " ").slice(0, 160) }))
}

/** A markdown table of `figures`, the time per transition against `transitions`. */
export function statementsTable(figures: StatementFigure[], transitions: number) {
  const lines = ["| calls | total ms | ms per call | µs per transition | rows | statement |", "| ---: | ---: | ---: | ---: | ---: | --- |"]
  for (const f of figures) {
    lines.push(
      `| ${f.calls.toLocaleString()} | ${f.total_ms.toFixed(0)} | ${(f.total_ms / f.calls).toFixed(2)} | ${((f.total_ms * 1000) / transitions).toFixed(1)} | ${f.rows.toLocaleString()} | \`${f.query.replace(/\|/g, "\\|")}\` |`
    )
  }
  return lines.join("\n")
}
