// @ts-check
"use strict"
// The demo's secrets: random on its first run, then kept in its data folder, so that sessions and
// the links in the emails it sent stay valid across restarts. A fixed secret in the repository would
// let anyone who read it sign in to a demo left reachable, and mint its links.
const { randomBytes } = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const FILE = "secrets.json"
const NAMES = ["jwt_secret", "cookie_secret", "token_secret", "webhook_secret"]
/** Secrets added after demos already ran: a data folder from before gets them added, not refused. */
const ADDED_LATER = ["webhook_secret"]

/** @typedef {{ jwt_secret: string, cookie_secret: string, token_secret: string, webhook_secret: string }} DemoSecrets */

/** @param {string[]} names */
const randomSecrets = (names) => Object.fromEntries(names.map((name) => [name, randomBytes(32).toString("hex")]))

/**
 * The secrets kept in `dataDir`, created there (readable by the owner only) when missing.
 * @param {string} dataDir
 * @returns {DemoSecrets}
 */
function demoSecrets(dataDir) {
  const file = path.join(dataDir, FILE)
  if (fs.existsSync(file)) {
    const kept = JSON.parse(fs.readFileSync(file, "utf8"))
    const added = ADDED_LATER.filter((name) => !(name in kept))
    const missing = NAMES.filter((name) => !added.includes(name) && (typeof kept[name] !== "string" || kept[name].length < 32))
    if (missing.length) throw new Error(`${file} lacks ${missing.join(", ")}: delete the file and run the demo again`)
    if (!added.length) return kept
    const completed = { ...kept, ...randomSecrets(added) }
    fs.writeFileSync(file, `${JSON.stringify(completed, null, 2)}\n`, { mode: 0o600 })
    return completed
  }
  const secrets = /** @type {DemoSecrets} */ (randomSecrets(NAMES))
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: "wx" })
  return secrets
}

/**
 * The environment that gives them to the demo's host (medusa-config.ts reads it).
 * @param {DemoSecrets} secrets
 */
const secretsEnv = (secrets) => ({
  JWT_SECRET: secrets.jwt_secret,
  COOKIE_SECRET: secrets.cookie_secret,
  MARKETING_TOKEN_SECRET: secrets.token_secret,
  MARKETING_WEBHOOK_SECRET: secrets.webhook_secret,
})

module.exports = { demoSecrets, secretsEnv }
