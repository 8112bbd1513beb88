import fs from "node:fs"
import path from "node:path"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import AudienceModuleService from "../../src/modules/audience/service"
import { failStalledContactImportsWorkflow } from "../../src/workflows/contact-import/workflows/fail-stalled-contact-imports"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { eventually } from "../helpers/eventually"
import { untilLocksAwaited } from "../helpers/lock-waits"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const IMPORTS = "/admin/marketing/contact-imports"
/** Where Medusa's local file provider, the test host's file module, writes uploads by default. */
const UPLOAD_DIR = path.join(process.cwd(), "static")
const entriesNamed = (dir: string, part: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((e) => e.includes(part)) : [])

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    let admin: AdminSession
    const upload = (csv: string, filename = "contacts.csv") =>
      api.post(`${IMPORTS}?filename=${encodeURIComponent(filename)}`, csv, {
        headers: { ...admin.headers.headers, "content-type": "text/csv" },
        maxBodyLength: Infinity,
      })
    const finished = (id: string) =>
      eventually(
        async () => (await api.get(`${IMPORTS}/${id}`, admin.headers)).data.contact_import,
        (contactImport) => ["completed", "failed"].includes(contactImport.status),
        120_000
      )

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
    })

    it("imports in the background, reports rejected rows with line and field, and merges duplicates", async () => {
      const csv = [
        "Email,phone,first_name,country,email_consent,metadata.tier",
        "ada@example.com,+4915112345678,Ada,DE,subscribed,gold",
        "not-an-email,,Bob,FR,,",
        "carla@example.com,,Carla,Germany,,",
        ",+4915199999999,Dora,AT,,silver",
        "ADA@example.com,,Adelheid,,,platinum",
        ",,Nobody,,,",
      ].join("\n")
      const accepted = await upload(csv)
      expect(accepted.status).toBe(202)
      expect(accepted.data.contact_import).toMatchObject({ status: "pending", filename: "contacts.csv" })

      const result = await finished(accepted.data.contact_import.id)
      expect(result).toMatchObject({ status: "completed", processed_rows: 6, created_count: 2, rejected_count: 3 })
      expect(result.problems.rows).toEqual([
        { line: 3, field: "email", reason: "'not-an-email' is not an email address" },
        { line: 4, field: "country", reason: "'Germany' is not a two-letter country code such as DE" },
        { line: 7, field: "email", reason: "a contact needs an email or a phone" },
      ])

      const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
      const [ada] = await audience.listContacts({ email: "ada@example.com" })
      expect(ada).toMatchObject({
        first_name: "Adelheid",
        phone: "+4915112345678",
        country_code: "de",
        email_consent: "subscribed",
        source: "import",
        metadata: { tier: "platinum" },
      })
      expect(await audience.listConsentRecords({ contact_id: ada.id })).toEqual([
        expect.objectContaining({ channel: "email", status: "subscribed", source: "import" }),
      ])

      // The same file again: nothing new, nothing duplicated.
      const again = await finished((await upload(csv)).data.contact_import.id)
      expect(again).toMatchObject({ status: "completed", created_count: 0, updated_count: 2, rejected_count: 3 })
      expect(await audience.listContacts({})).toHaveLength(2)
      expect(await audience.listConsentRecords({ contact_id: ada.id })).toHaveLength(1)

      const audit = await api.get(`/admin/marketing/audit-entries?resource_type=marketing_contact_import`, admin.headers)
      expect(audit.data.audit_entries).toEqual([
        expect.objectContaining({ action: "import", actor_id: admin.user.id, changes: { filename: { from: null, to: "contacts.csv" } } }),
        expect.objectContaining({ action: "import", actor_id: admin.user.id }),
      ])
    })

    it("streams large files in batches", async () => {
      const rows = Array.from({ length: 20_000 }, (_, i) => `bulk${i}@example.com,Bulk ${i},${i % 2 ? "DE" : "FR"}`)
      const started = Date.now()
      const result = await finished((await upload(["email,first_name,country", ...rows].join("\n"))).data.contact_import.id)
      expect(result).toMatchObject({ status: "completed", processed_rows: 20_000, created_count: 20_000, rejected_count: 0 })
      const { data } = await api.post("/admin/marketing/segments/preview", { dsl: "country = 'DE' AND email CONTAINS 'bulk'" }, admin.headers)
      expect(data.count).toBe(10_000)
      console.log(`20,000-row import in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    })

    it("fails an import with unknown columns, saying which", async () => {
      const result = await finished((await upload("email,favourite_colour\nx@y.io,red")).data.contact_import.id)
      expect(result).toMatchObject({ status: "failed", processed_rows: 0 })
      expect(result.error).toMatch(/unknown column 'favourite_colour'; columns are email, phone/)
    })

    it("refuses what is not a CSV upload", async () => {
      const wrongType = await api.post(IMPORTS, { email: "x" }, admin.headers).catch((e) => e.response)
      expect(wrongType.status).toBe(400)
      expect(wrongType.data.message).toMatch(/Content-Type: text\/csv/)
      const empty = await upload("").catch((e) => e.response)
      expect(empty.status).toBe(400)
      expect((await api.get(`${IMPORTS}/mimp_missing`, admin.headers).catch((e) => e.response)).status).toBe(404)
    })

    it("rejects rows that cannot be stored, with their reasons, and stores the others", async () => {
      const csv = [
        "email,first_name,metadata.note",
        "ada@example.com,Ada,",
        "bob@example.com,B\u0000ob,",
        `carla@example.com,Carla,${"x".repeat(1_001)}`,
        "dora@example.com,Dora\u0007,",
        "eve@example.com,Eve,two\tcolumns",
      ].join("\n")
      const result = await finished((await upload(csv)).data.contact_import.id)
      expect(result).toMatchObject({ status: "completed", processed_rows: 5, created_count: 2, rejected_count: 3, error: null })
      expect(result.problems.rows).toEqual([
        { line: 3, field: "first_name", reason: "contains the control character U+0000" },
        { line: 4, field: "metadata.note", reason: "is longer than 1,000 characters" },
        { line: 5, field: "first_name", reason: "contains the control character U+0007" },
      ])
      const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
      const stored = await audience.listContacts({}, { select: ["email"], order: { email: "ASC" } })
      expect(stored.map((c) => c.email)).toEqual(["ada@example.com", "eve@example.com"])
    })

    it("retries recording a failure the database refuses, with the error made storable", async () => {
      // The header's NUL byte lands in the error text, which PostgreSQL refuses to store as it is.
      const result = await finished((await upload("email,favourite\u0000colour\nx@y.io,red")).data.contact_import.id)
      expect(result).toMatchObject({ status: "failed", processed_rows: 0 })
      expect(result.error).toMatch(/^unknown column 'favourite<U\+0000>colour'; columns are email, phone/)
      expect(result.finished_at).not.toBeNull()
    })

    it("stores an upload under a key of its own, keeping its name as a bounded, cleaned label", async () => {
      const longName = `${"long-name-".repeat(30)}.csv`
      const accepted = await upload("email\nlong@example.com", longName).catch((e) => e.response)
      expect(accepted.status).toBe(202)
      const label = accepted.data.contact_import.filename
      expect(label).toHaveLength(120)
      expect(longName.startsWith(label.slice(0, -1))).toBe(true)
      expect(await finished(accepted.data.contact_import.id)).toMatchObject({ status: "completed", created_count: 1 })
      const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
      const { file_id } = await audience.retrieveContactImport(accepted.data.contact_import.id)
      expect(fs.existsSync(path.join(UPLOAD_DIR, file_id))).toBe(true)
      for (const dir of [UPLOAD_DIR, path.dirname(UPLOAD_DIR)]) expect(entriesNamed(dir, "long-name-long-name")).toEqual([])

      const cleaned = await finished((await upload("email\nz@y.io", "my\u0000 list\n.csv")).data.contact_import.id)
      expect(cleaned).toMatchObject({ status: "completed", filename: "my list .csv" })
    })

    it("refuses a filename with folders before anything is written", async () => {
      const escape = `contact-import-escape-${Date.now()}`
      try {
        const refused = await upload("email\nx@y.io", `../${escape}/x.csv`).catch((e) => e.response)
        expect(refused.status).toBe(400)
        expect(entriesNamed(path.dirname(UPLOAD_DIR), escape)).toEqual([])
        expect(entriesNamed(UPLOAD_DIR, escape)).toEqual([])
        expect(refused.data.message).toMatch(/filename must be a file name without folders/)
      } finally {
        fs.rmSync(path.join(path.dirname(UPLOAD_DIR), escape), { recursive: true, force: true })
      }
    })

    it("fails imports that stopped making progress or never started, saying why, and leaves moving ones alone", async () => {
      const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
      const [stalled, neverStarted, running] = await audience.createContactImports([
        { file_id: "lost.csv", filename: "lost.csv" },
        { file_id: "unclaimed.csv", filename: "unclaimed.csv" },
        { file_id: "running.csv", filename: "running.csv" },
      ])
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `UPDATE marketing_contact_import SET status = 'processing', started_at = now() - interval '2 hours' WHERE id IN (?, ?)`,
        [stalled.id, running.id]
      )
      await pg.raw(
        `UPDATE marketing_contact_import
            SET updated_at = CASE WHEN id = ? THEN now() - interval '14 minutes' ELSE now() - interval '16 minutes' END
          WHERE id IN (?, ?, ?)`,
        [running.id, stalled.id, neverStarted.id, running.id]
      )
      const { result } = await failStalledContactImportsWorkflow(getContainer()).run({ input: {} })
      expect(result.sort()).toEqual([stalled.id, neverStarted.id].sort())
      for (const id of [stalled.id, neverStarted.id]) {
        const { data } = await api.get(`${IMPORTS}/${id}`, admin.headers)
        expect(data.contact_import).toMatchObject({ status: "failed", finished_at: expect.any(String) })
        expect(data.contact_import.error).toMatch(/^stopped: no progress for 15 minutes/)
      }
      expect((await audience.retrieveContactImport(running.id)).status).toBe("processing")
    })

    it("stops a slow worker whose import was failed as stalled, leaving it failed", async () => {
      const container = getContainer()
      const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
      const [held] = await audience.createContacts([{ email: "held@example.com", email_consent: "subscribed", source: "import" }])
      const warnings: string[] = []
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const warn = logger.warn.bind(logger)
      logger.warn = (message: string) => (warnings.push(message), warn(message))

      // The worker's first batch updates the held contact and waits on its lock, as a slow worker would.
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const holder = await pg.transaction()
      await holder.raw(`SELECT 1 FROM marketing_contact WHERE id = ? FOR UPDATE`, [held.id])
      const csv = ["email,first_name", "held@example.com,Held", ...Array.from({ length: 1_500 }, (_, i) => `slow${i}@example.com,Slow`)].join("\n")
      const id = (await upload(csv)).data.contact_import.id
      await untilLocksAwaited((sql) => pg.raw(sql), { ms: 60_000 })

      // Meanwhile the stalled-import job fails it; then the worker's lock is released.
      const { result } = await failStalledContactImportsWorkflow(container).run({ input: { now: new Date(Date.now() + 86_400_000) } })
      expect(result).toContain(id)
      await holder.rollback()
      const stopped = await eventually(async () => warnings.filter((w) => w.includes(id)), (w) => w.length > 0, 60_000)
      logger.warn = warn

      expect(stopped).toEqual([expect.stringMatching(/stopped after 1000 rows, it was failed as stalled meanwhile/)])
      const { data } = await api.get(`${IMPORTS}/${id}`, admin.headers)
      expect(data.contact_import).toMatchObject({ status: "failed", processed_rows: 0 })
      expect(data.contact_import.error).toMatch(/^stopped: no progress/)
      // The first batch stays imported; the rest of the file is never read into contacts.
      expect(await audience.listContacts({ email: { $like: "slow%" } }, { select: ["id"] })).toHaveLength(999)
    })

    it("lists imports, newest first", async () => {
      await finished((await upload("email\na@b.io", "first.csv")).data.contact_import.id)
      await finished((await upload("email\nc@d.io", "second.csv")).data.contact_import.id)
      const { data } = await api.get(IMPORTS, admin.headers)
      expect(data.contact_imports.map((i: any) => i.filename)).toEqual(["second.csv", "first.csv"])
    })
  },
})
