// The Medusa host of the demo (medusa-config.ts: the plugin's src/ as the application), driven through
// Medusa's own CLI, each command in its own process group (see process-groups.mjs).
import net from "node:net"
import path from "node:path"
import { runGroup, startGroup } from "./process-groups.mjs"
import { secretsEnv } from "./secrets.js"

const HEALTH_TIMEOUT_MS = 180_000

/** `secrets`: the demo's own (demo/secrets.js), for every command. */
export function medusaHost({ root, databaseUrl, port, logDir, secrets }) {
  const cli = path.join(root, "node_modules/@medusajs/cli/cli.js")
  const env = {
    ...process.env,
    ...secretsEnv(secrets),
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  const options = (name, onLine) => ({ cwd: root, env, logFile: path.join(logDir, `${name}.log`), onLine })

  return {
    migrate: () => runGroup(process.execPath, [cli, "db:migrate"], options("migrate")),

    /** Runs demo/seed.ts with the Medusa container; `onLine` sees its output as it comes. */
    seed: (admin, onLine) =>
      runGroup(process.execPath, [cli, "exec", "./demo/seed.ts", admin.email, admin.password], options("seed", onLine)),

    /**
     * `medusa start` in development mode is the server `medusa develop` forks, admin dev server
     * included, without the file watcher: the watcher keeps a crashed server's parent alive, waiting
     * for an edit, where the demo has to notice the crash and stop. `extraEnv` is added to its
     * environment (the plugin options that point delivery at the demo's sinks).
     */
    start: (extraEnv = {}) =>
      startGroup(process.execPath, [cli, "start"], { ...options("medusa"), env: { ...env, ...extraEnv } }),

    url: `http://localhost:${port}`,
  }
}

/** Fails before anything starts, rather than after the seed, when another server holds the port. */
export async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", (error) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use. Stop whatever listens there (lsof -i :${port}) and run the demo again.`)
          : error
      )
    )
    probe.listen(port, () => probe.close(resolve))
  })
}

/** Resolves once /health answers. A server that crashes meanwhile is the caller's to notice. */
export async function waitUntilHealthy(url) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`Medusa did not answer ${url}/health within ${HEALTH_TIMEOUT_MS / 1000} s`)
}

/**
 * Loads the admin the way a browser's first visit does, so that the admin's dev server has bundled
 * its dependencies (slow on a cold cache) before the demo reports ready, not while someone waits.
 */
export async function warmUpAdmin(url) {
  const entryUrl = `${url}/app/entry.jsx`
  await fetch(`${url}/app`).then((response) => response.text())
  const entry = await fetch(entryUrl).then((response) => response.text())
  const imports = [...entry.matchAll(/from "([^"]+)"/g)].map(([, specifier]) => new URL(specifier, entryUrl))
  await Promise.all(imports.map((module) => fetch(module).then((response) => response.text())))
}
