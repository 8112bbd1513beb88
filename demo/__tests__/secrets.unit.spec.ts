import fs from "node:fs"
import os from "node:os"
import path from "node:path"

// CommonJS, shared with `node demo/run.mjs`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoSecrets, secretsEnv } = require("../secrets")

describe("the demo's secrets", () => {
  const folders: string[] = []
  const freshDataFolder = () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "marketing-demo-secrets-"))
    folders.push(folder)
    return path.join(folder, ".demo")
  }
  afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })))

  it("are random for each new data folder, and kept by a folder across runs", () => {
    const first = freshDataFolder()
    const created = demoSecrets(first)
    expect(Object.keys(created)).toEqual(["jwt_secret", "cookie_secret", "token_secret", "webhook_secret"])
    for (const secret of Object.values(created)) expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(new Set(Object.values(created)).size).toBe(4)

    expect(demoSecrets(first)).toEqual(created)
    const other = demoSecrets(freshDataFolder())
    for (const name of Object.keys(created)) expect(other[name]).not.toBe(created[name])

    expect(fs.statSync(path.join(first, "secrets.json")).mode & 0o777).toBe(0o600)
    expect(secretsEnv(created)).toEqual({
      JWT_SECRET: created.jwt_secret,
      COOKIE_SECRET: created.cookie_secret,
      MARKETING_TOKEN_SECRET: created.token_secret,
      MARKETING_WEBHOOK_SECRET: created.webhook_secret,
    })
  })

  it("adds a webhook secret to a data folder from before it existed, keeping the others", () => {
    const folder = freshDataFolder()
    fs.mkdirSync(folder)
    const earlier = { jwt_secret: "j".repeat(64), cookie_secret: "c".repeat(64), token_secret: "t".repeat(64) }
    fs.writeFileSync(path.join(folder, "secrets.json"), JSON.stringify(earlier))
    const completed = demoSecrets(folder)
    expect(completed).toEqual({ ...earlier, webhook_secret: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(demoSecrets(folder)).toEqual(completed)
  })

  it("refuses a damaged secrets file rather than replace what signed the links already sent", () => {
    const folder = freshDataFolder()
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, "secrets.json"), JSON.stringify({ jwt_secret: "short" }))
    expect(() => demoSecrets(folder)).toThrow("lacks jwt_secret, cookie_secret, token_secret: delete the file and run the demo again")
  })
})
