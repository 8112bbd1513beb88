import fs from "node:fs"
import { Page } from "playwright-core"
import { importContacts } from "../helpers/browser-contacts"
import { AdminBrowser, animationsFinished, pageSteps, REQUEST_RETRIES, startAdminBrowser } from "../helpers/browser-host"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "audience-admin@marketing.test", password: "browser-password-1" }

/** Customers made through Medusa's own API; the plugin's subscriber makes each a contact. */
const CUSTOMERS = [
  { first_name: "Ada", last_name: "Lovelace", email: "ada@audience.test" },
  { first_name: "Grace", last_name: "Hopper", email: "grace@audience.test" },
  { first_name: "Alan", last_name: "Turing", email: "alan@audience.test" },
]
const SEGMENT = "Pioneers named Ada"
// Alan's only: on Ada's customer page, visited later, its group would list as one more link.
const SYNCED_SEGMENT = "Turing fans"
const MATCH_COUNT = "segment-match-count"

// One suite for the segment editor, the audit log and the contacts, as each boots its own host (~40s).
describe("Marketing › Segments, audit log and contacts in the admin", () => {
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let customerIds: Record<string, string>

  beforeAll(async () => {
    admin = await startAdminBrowser("marketing", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
    customerIds = await createCustomers()
  }, 240_000)

  afterAll(() => admin?.stop())

  const step = pageSteps(() => admin)

  step("counts contacts as segment conditions are typed, marks a problem where it is, and saves", async () => {
    await admin.sidebarLink("Marketing").click()
    await admin.sidebarLink("Segments").click()
    await page.getByRole("heading", { name: "Segments" }).waitFor()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog")
    await form.getByLabel("Name", { exact: true }).fill(SEGMENT)
    await expect(form.getByLabel("Handle", { exact: true }).inputValue()).resolves.toBe("pioneers-named-ada")

    const editor = form.getByLabel("Conditions")
    const count = form.getByTestId(MATCH_COUNT)
    await editor.pressSequentially("email CONTAINS '@audience.test'", { delay: 15 })
    await waitForMatchCount("3")
    await editor.pressSequentially(" AND first_name = 'Ada'", { delay: 15 })
    await waitForMatchCount("1")
    await page.screenshot({ path: artifact("segment-editor-count.png") })

    // A second line with a value the language does not know: marked where it is, with the server's words.
    await editor.pressSequentially(" AND\ncountry IN ('DE', x)", { delay: 15 })
    const message = form.getByText(/^Line 2, column 19: unexpected 'x'; expected/)
    await message.waitFor()
    await expect(form.getByTestId("dsl-problem-mark").textContent()).resolves.toBe("x")
    await expect(editor.getAttribute("aria-invalid")).resolves.toBe("true")
    // The last count stays while the text has a problem.
    await expect(count.textContent()).resolves.toBe("1")
    await page.screenshot({ path: artifact("segment-editor-error.png") })

    await editor.fill("email CONTAINS '@audience.test' AND first_name = 'Ada'")
    await message.waitFor({ state: "detached" })
    await form.getByRole("button", { name: "Save" }).click()
    // A new segment opens on its own page, where its members are counted again.
    await page.getByRole("heading", { name: SEGMENT }).waitFor()
    await waitForMatchCount("1")
    await page.getByRole("link", { name: "Ada Lovelace" }).waitFor()
    await page.getByText("Not synced", { exact: true }).waitFor()
    await page.screenshot({ path: artifact("segment-detail.png") })
  })

  step("syncs a segment to a native customer group and links to the group", async () => {
    await page.goto(`${admin.host.url}/app/marketing/segments`)
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog")
    await form.getByLabel("Name", { exact: true }).fill(SYNCED_SEGMENT)
    await form.getByLabel("Conditions").fill("last_name = 'Turing'")
    const sync = form.getByRole("switch", { name: "Sync to a customer group" })
    await sync.click()
    await expect(sync.getAttribute("aria-checked")).resolves.toBe("true")
    await page.screenshot({ path: artifact("segment-editor-sync.png") })
    await form.getByRole("button", { name: "Save" }).click()

    // The group is named after the segment; the link is in the detail page's "Customer group" row.
    await page.getByRole("heading", { name: SYNCED_SEGMENT }).waitFor()
    const groupLink = page.getByRole("link", { name: SYNCED_SEGMENT, exact: true })
    await groupLink.waitFor()
    await page.screenshot({ path: artifact("segment-customer-group.png") })

    const segmentId = new URL(page.url()).pathname.split("/").pop()
    const response = await page.request.get(`${admin.host.url}/admin/marketing/segments/${segmentId}`, REQUEST_RETRIES)
    expect(response.status()).toBe(200)
    const groupId = (await response.json()).segment.customer_group_id
    expect(groupId).toMatch(/^cusgroup_/)
    await expect(groupLink.getAttribute("href")).resolves.toBe(`/app/customer-groups/${groupId}`)
  })

  step("lists the changes in the audit log, opens one, and exports what the filters match as CSV", async () => {
    const campaign = await page.request.post(`${admin.host.url}/admin/marketing/campaigns`, {
      data: { name: "Pioneers newsletter", channel: "email" },
      ...REQUEST_RETRIES,
    })
    expect(campaign.status()).toBe(200)

    await admin.sidebarLink("Audit log").click()
    await page.getByRole("heading", { name: "Audit log" }).waitFor()
    // The log shows each resource by name, linked to its page.
    await page.getByRole("link", { name: "Pioneers newsletter" }).waitFor()
    await page.getByRole("link", { name: SEGMENT }).waitFor()
    await page.screenshot({ path: artifact("audit-log.png") })

    await page.getByRole("row", { name: new RegExp(`Created.*${SEGMENT}`) }).click()
    const drawer = page.getByRole("dialog", { name: "Segment created" })
    await drawer.getByRole("cell", { name: "email CONTAINS '@audience.test' AND first_name = 'Ada'" }).waitFor()
    await animationsFinished(drawer)
    await page.screenshot({ path: artifact("audit-entry.png") })
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "detached" })

    // Only segments: the export takes the filters on screen.
    await page.goto(`${admin.host.url}/app/marketing/audit?resource_type=marketing_segment`)
    await page.getByRole("link", { name: SEGMENT }).waitFor()
    await expect(page.getByRole("link", { name: "Pioneers newsletter" }).count()).resolves.toBe(0)
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^marketing-audit-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\n")
    expect(csv[0]).toBe("id,created_at,actor_type,actor_id,action,resource_type,resource_id,changes,request_id,ip,user_agent")
    expect(csv.slice(1).length).toBeGreaterThan(0)
    expect(csv.slice(1).every((line) => line.includes(",marketing_segment,"))).toBe(true)
  })

  step("labels every entry in words, names a suppression by its address, and shows a deleted segment as deleted", async () => {
    const api = (method: "POST" | "DELETE", path: string, data?: unknown) =>
      page.request.fetch(`${admin.host.url}${path}`, { method, data, failOnStatusCode: true, ...REQUEST_RETRIES })
    const doomed = await (
      await api("POST", "/admin/marketing/segments", { name: "Short-lived", handle: "short-lived", dsl: "orders_count > 0", kind: "live" })
    ).json()
    await api("POST", "/admin/marketing/suppressions", { channel: "email", address: "gone@audience.test", reason: "manual" })

    // Looked at while the segment exists (the admin remembers what it saw), then deleted.
    await page.goto(`${admin.host.url}/app/marketing/audit`)
    await page.getByRole("link", { name: "Short-lived" }).waitFor()
    await api("DELETE", `/admin/marketing/segments/${doomed.segment.id}`)
    await page.reload()

    const deletedRow = page.getByRole("row").filter({ hasText: "Short-lived" }).first()
    await deletedRow.getByText("Deleted", { exact: true }).last().waitFor()
    await expect(deletedRow.getByRole("link").count()).resolves.toBe(0)
    await page.getByRole("row", { name: /Deleted.*Segment · Short-lived/ }).waitFor()
    // A suppression has no page of its own: its address names it, and it links to the list.
    await page.getByRole("link", { name: "gone@audience.test (email)" }).waitFor()
    // The customers' contacts were made by the plugin itself: created, and their orders recorded in words.
    const cells = await page.locator("tbody td").allTextContents()
    expect(cells.some((text) => /msup_|mseg_|marketing_/.test(text))).toBe(false)
    await page.screenshot({ path: artifact("audit-log-deleted.png") })

    await deletedRow.click()
    const drawer = page.getByRole("dialog", { name: "Segment deleted" })
    await drawer.getByText("Short-lived", { exact: true }).first().waitFor()
    await expect(drawer.getByRole("link", { name: "Short-lived" }).count()).resolves.toBe(0)
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "detached" })
  })

  step("finds a contact by search, and shows the customer's marketing on Medusa's customer page", async () => {
    await admin.sidebarLink("Contacts").click()
    await page.getByRole("cell", { name: "ada@audience.test" }).waitFor()
    await page.getByPlaceholder("Search").fill("grace")
    await page.getByRole("cell", { name: "ada@audience.test" }).waitFor({ state: "detached" })
    await expect(page.locator("tbody tr").count()).resolves.toBe(1)
    await page.screenshot({ path: artifact("contacts.png") })
    await page.getByRole("cell", { name: "grace@audience.test" }).click()
    await page.getByRole("heading", { name: "Grace Hopper" }).waitFor()
    await page.getByText("In no segment").waitFor()
    // Money with its currency, the way Medusa's own pages show it.
    await totalSpent().getByText("€ 0.00 EUR", { exact: true }).waitFor()
    await page.screenshot({ path: artifact("contact-detail.png") })

    await page.goto(`${admin.host.url}/app/customers/${customerIds["ada@audience.test"]}`)
    // Only the widget links to the contact and its segments on Medusa's customer page.
    await page.getByRole("heading", { name: "Marketing", exact: true }).waitFor()
    await page.getByRole("link", { name: SEGMENT }).waitFor()
    await page.getByRole("link", { name: "View contact" }).waitFor()
    await totalSpent().getByText("€ 0.00 EUR", { exact: true }).waitFor()
    await page.screenshot({ path: artifact("customer-widget.png") })
  })

  step("imports contacts from a CSV file, reports the rejected row, and lists the new contacts", async () => {
    // Three good rows and one bad one, on line 3 (the header is line 1).
    const csv = [
      "Email,First_Name,Last_Name,Country",
      "lin@import.test,Lin,Imported,DE",
      "not-an-email,Bad,Row,DE",
      "mo@import.test,Mo,Imported,FR",
      "kit@import.test,Kit,Imported,",
    ].join("\n")

    // From the customer page the step before left, where Marketing's sidebar entries are folded away.
    await page.goto(`${admin.host.url}/app/marketing/contacts`)
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor()
    await page.getByRole("button", { name: "Import", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Import contacts" })
    await drawer.getByLabel("CSV file").setInputFiles({ name: "pioneers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) })
    await drawer.getByRole("button", { name: "Upload" }).click()

    // The report follows the import until it has finished, polling every second.
    const report = page.getByRole("dialog", { name: "Contact import" })
    await report.getByText("Completed", { exact: true }).waitFor()
    await expect(report.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe("100")
    await expect(report.getByTestId("import-created-count").textContent()).resolves.toBe("3")
    await expect(report.getByTestId("import-updated-count").textContent()).resolves.toBe("0")
    await expect(report.getByTestId("import-rejected-count").textContent()).resolves.toBe("1")
    const rejected = report.getByRole("row").filter({ hasText: "not-an-email" })
    await expect(rejected.getByRole("cell").allTextContents()).resolves.toEqual([
      "3",
      "email",
      "'not-an-email' is not an email address",
    ])
    await animationsFinished(report)
    await page.screenshot({ path: artifact("contact-import-report.png") })

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      report.getByRole("button", { name: "Download report" }).click(),
    ])
    expect(download.suggestedFilename()).toBe("pioneers-rejected-rows.csv")
    const lines = fs.readFileSync((await download.path())!, "utf8").trim().split("\n")
    expect(lines).toEqual(["line,field,reason", "3,email,'not-an-email' is not an email address"])

    await report.getByRole("button", { name: "Close" }).click()
    await report.waitFor({ state: "detached" })
    // The finished import is listed, and its contacts are in the contact table without a reload.
    await page.getByRole("row", { name: /pioneers\.csv.*Completed/ }).waitFor()
    await page.getByPlaceholder("Search").fill("lin@import")
    await page.getByRole("cell", { name: "lin@import.test" }).waitFor()
    await page.getByRole("cell", { name: "Lin Imported" }).waitFor()

    // A listed import opens the same report.
    await page.getByRole("row", { name: /pioneers\.csv/ }).click()
    await report.getByTestId("import-created-count").waitFor()
    await expect(report.getByTestId("import-created-count").textContent()).resolves.toBe("3")
    await page.keyboard.press("Escape")
    await report.waitFor({ state: "detached" })
  })

  step("opens the contact pressed while the list refetches, after another import changed one imported with it", async () => {
    // The imported contacts share their created_at, the list's order: only their ids keep them in place.
    await page.goto(`${admin.host.url}/app/marketing/contacts`)
    const imported = page.getByRole("row").filter({ hasText: "@import.test" })
    await imported.nth(2).waitFor()
    const emails = await imported.locator("td:first-child").allTextContents()
    const [pressed] = await imported.locator("td:nth-child(2)").allTextContents()
    // A new country for the last of them: an indexed column, so Postgres then meets its row first among the ties.
    await importContacts(admin, ["email,country", `${emails[2]},IT`])
    // A consent recorded in the admin makes the list stale: back on it, its cached rows show at once, then its refetch.
    await page.getByRole("cell", { name: emails[1] }).click()
    await page.getByRole("button", { name: "Change SMS consent" }).click()
    await page.getByRole("menuitem", { name: "Mark as subscribed" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Record" }).click()
    const timeline = page.getByRole("list", { name: "Activity" })
    await timeline.locator(":scope > li").first().filter({ hasText: "SMS consent" }).getByText("via admin").waitFor()

    // The refetch is held back until the first row is pressed; the button is released once its rows are on screen.
    const list = /\/admin\/marketing\/contacts\?/
    let letThrough!: () => void
    const heldBack = new Promise<void>((resolve) => (letThrough = resolve))
    await page.route(list, async (route) => {
      await heldBack
      await route.continue()
    })
    await admin.sidebarLink("Contacts").click()
    const box = (await page.getByRole("cell", { name: pressed, exact: true }).boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    const refetched = page.waitForResponse(list)
    letThrough()
    const { contacts } = await (await refetched).json()
    const refetchedOrder = contacts.map((c: { email: string }) => c.email).filter((email: string) => email.endsWith("@import.test"))
    for (const [index, email] of refetchedOrder.entries()) await imported.nth(index).getByRole("cell", { name: email }).waitFor()
    await page.mouse.up()
    await page.unroute(list)
    await page.getByRole("heading", { name: pressed }).waitFor()
  })

  step("greys the last count while the conditions have a problem, suggests the field meant, and duplicates the segment", async () => {
    await page.goto(`${admin.host.url}/app/marketing/segments`)
    await page.getByRole("cell", { name: SEGMENT, exact: true }).click()
    await page.getByRole("heading", { name: SEGMENT }).waitFor()
    await page.getByRole("button", { name: "Segment actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const form = page.getByRole("dialog")
    const editor = form.getByLabel("Conditions")
    await form.getByTestId(MATCH_COUNT).filter({ hasText: /^1$/ }).waitFor()
    // Ada never agreed to email: matched, but not reachable by it.
    await form.getByTestId("segment-reachable-count").filter({ hasText: /^0 reachable by email$/ }).waitFor()
    const count = form.getByTestId("segment-count")
    await expect(count.getAttribute("data-out-of-date")).resolves.toBe("false")

    await editor.fill("email CONTAINS '@audience.test' AND frist_name = 'Ada'")
    await form.getByText(/unknown field 'frist_name'; did you mean 'first_name'\?$/).waitFor()
    await count.getByText("Matching contacts (out of date)").waitFor()
    await expect(count.getAttribute("data-out-of-date")).resolves.toBe("true")
    await expect(form.getByTestId(MATCH_COUNT).textContent()).resolves.toBe("1")
    await page.screenshot({ path: artifact("segment-editor-out-of-date.png") })
    await editor.fill("email CONTAINS '@audience.test'")
    // The form's own count: the segment page behind the form shows one too.
    await form.getByTestId(MATCH_COUNT).filter({ hasText: /^3$/ }).waitFor()
    await expect(count.getAttribute("data-out-of-date")).resolves.toBe("false")
    await form.getByRole("button", { name: "Cancel" }).click()
    await form.waitFor({ state: "detached" })

    await page.getByRole("button", { name: "Segment actions" }).click()
    await page.getByRole("menuitem", { name: "Duplicate" }).click()
    await page.getByRole("heading", { name: `${SEGMENT} (copy)` }).waitFor()
    await page.getByText("pioneers-named-ada-copy", { exact: true }).waitFor()
    // The copy has the original's conditions: its members are counted again.
    await waitForMatchCount("1")
    await page.screenshot({ path: artifact("segment-duplicate.png") })
  })

  step("opens on the dashboard: the KPI tiles, the trend and the funnel of the rolled-up activity", async () => {
    await admin.host.exec("./integration-tests/browser/fixtures/analytics-activity.ts")
    await page.goto(`${admin.host.url}/app/marketing`)
    await page.getByRole("heading", { name: "Dashboard" }).waitFor()
    expect(new URL(page.url()).pathname).toBe("/app/marketing/dashboard")
    const tile = (label: string) => page.getByRole("listitem", { name: label, exact: true }).getByTestId("kpi-value")
    const figures = { Sent: "4", Delivered: "4", "Unique opens": "2", "Unique clicks": "1", Unsubscribes: "0", Orders: "1" }
    for (const [label, figure] of Object.entries(figures)) await tile(label).filter({ hasText: new RegExp(`^${figure}$`) }).waitFor()
    await expect(tile("Revenue").textContent()).resolves.toMatch(/^€\s?50\.00 EUR$/)
    const funnel = page.getByRole("list", { name: "Funnel" })
    await funnel.getByRole("listitem", { name: "Ordered" }).getByText("1 (25%)").waitFor()
    await page.getByRole("img", { name: "Messages sent and revenue per day" }).locator(".recharts-line").first().waitFor()
    await page.screenshot({ path: artifact("analytics-dashboard.png"), fullPage: true })
  })

  /** The contact's "Total spent" row, on its page and in the customer widget. */
  const totalSpent = () => page.getByText("Total spent", { exact: true }).locator("xpath=..")

  /** Waits for the preview's count: it answers a moment after typing pauses. */
  async function waitForMatchCount(text: string) {
    await page.waitForFunction(
      ([testId, expected]) => document.querySelector(`[data-testid="${testId}"]`)?.textContent === expected,
      [MATCH_COUNT, text]
    )
  }

  /** Creates the customers and waits for their contacts, which a subscriber makes a moment later. */
  async function createCustomers() {
    const ids: Record<string, string> = {}
    for (const customer of CUSTOMERS) {
      const response = await page.request.post(`${admin.host.url}/admin/customers`, { data: customer, ...REQUEST_RETRIES })
      expect(response.status()).toBe(200)
      ids[customer.email] = (await response.json()).customer.id
    }
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      const response = await page.request.get(`${admin.host.url}/admin/marketing/contacts?q=audience.test`, REQUEST_RETRIES)
      if ((await response.json()).count === CUSTOMERS.length) return ids
      await page.waitForTimeout(250)
    }
    throw new Error("The customers' contacts were not created within 20s")
  }
})
