// What the demo database already holds, kept as a comment on the database itself so that it lives and
// dies with the data, whether Postgres is the embedded one or the server named by DATABASE_URL:
//   { migrations: <fingerprint the schema was migrated with>, seeded: <seed version> once the seed finished }
import pg from "pg"

async function withClient(db, run) {
  const client = new pg.Client({ connectionString: db.url("postgres") })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** `null` when the database does not exist. */
export async function readState(db, name) {
  return withClient(db, async (client) => {
    const { rows } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [name]
    )
    if (!rows.length) return null
    try {
      return JSON.parse(rows[0].comment ?? "{}")
    } catch {
      return {} // a comment someone else wrote: nothing the demo can rely on
    }
  })
}

export async function writeState(db, name, state) {
  await withClient(db, (client) =>
    client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(name)} IS ${client.escapeLiteral(JSON.stringify(state))}`)
  )
}

export async function dropDatabase(db, name) {
  await withClient(db, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`))
}
