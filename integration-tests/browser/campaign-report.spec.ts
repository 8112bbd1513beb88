import { readFile } from "node:fs/promises"
import { Page } from "playwright-core"
import { importContacts } from "../helpers/browser-contacts"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"
import { Sinks, startDeliverySinks } from "../helpers/delivery"
import { readPdf } from "../helpers/pdf-text"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "report-admin@marketing.test", password: "browser-password-1" }
/** One reader per mailbox provider the report tells apart, and one of a shop's own domain. */
const READERS = ["ann@gmail.com", "bob@outlook.com", "cy@report.test"]
/** Gmail fetches a message's images when its reader opens it, through its image proxy. */
const GMAIL_IMAGE_PROXY = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"

describe("Marketing › A campaign's report in the admin", () => {
  let sinks: Sinks
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let campaign: { id: string; name: string }

  // Registered first: the host reads the sinks' MARKETING_OPTIONS_JSON from this process's environment when it starts.
  beforeAll(async () => {
    sinks = await startDeliverySinks()
  })

  beforeAll(async () => {
    admin = await startAdminBrowser("campaign-report", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
    await importContacts(admin, ["email,first_name,email_consent", ...READERS.map((email) => `${email},Reader,subscribed`)])
    const { segment } = await admin.api("POST", "/admin/marketing/segments", { name: "Report readers", handle: "report-readers", dsl: "first_name = 'Reader'" })
    ;({ campaign } = await admin.api("POST", "/admin/marketing/campaigns", {
      name: `Report ${Date.now()}`,
      channel: "email",
      subject: "Hello",
      body: `<p>Hello {{ contact.first_name }}</p><a href="https://shop.example.com/sale">Sale</a>`,
      segment_id: segment.id,
      budget_amount: 50,
      budget_currency_code: "eur",
      scheduled_at: new Date(Date.now() + 86_400_000).toISOString(),
    }))
    await admin.api("POST", `/admin/marketing/campaigns/${campaign.id}/transition`, { status: "scheduled" })
    await admin.api("POST", `/admin/marketing/campaigns/${campaign.id}/send`, {})
  }, 240_000)

  afterAll(async () => {
    await admin?.stop()
    await sinks?.close()
  })

  const step = pageSteps(() => admin)

  step("shows a sent campaign's report in place of its delivery numbers: funnel, money against its budget, mailbox providers", async () => {
    await page.goto(`${admin.host.url}/app/marketing/campaigns/${campaign.id}`)
    await page.getByRole("heading", { name: campaign.name }).waitFor()
    const report = page.getByRole("region", { name: "Delivery report" })
    await report.getByText(`${READERS.length} of ${READERS.length} sent`).waitFor({ timeout: 60_000 })
    await report.getByTestId("funnel-sent").filter({ hasText: new RegExp(`^${READERS.length}$`) }).waitFor()
    await expect(report.getByTestId("funnel-opened").textContent()).resolves.toBe("0")
    await expect(report.getByTestId("report-budget").textContent()).resolves.toMatch(/50\.00/)
    await expect(report.getByTestId("report-roi").textContent()).resolves.toBe("-100%")
    const providers = report.getByRole("region", { name: "Mailbox providers" })
    for (const provider of ["Gmail", "Outlook", "Other"]) await providers.getByRole("cell", { name: provider, exact: true }).waitFor()
    await expect(providers.getByRole("cell", { name: "Yahoo", exact: true }).count()).resolves.toBe(0)
    await report.getByRole("region", { name: "Orders" }).getByText("No order came through this campaign yet.").waitFor()
    await report.screenshot({ path: artifact("campaign-report.png") })
  })

  step("counts an open without a reload", async () => {
    const report = page.getByRole("region", { name: "Delivery report" })
    const email = sinks.sendgrid.messages().find((message: { to: string }) => message.to === "ann@gmail.com")
    const pixel = new URL(email.html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1])
    const open = await fetch(`${admin.host.url}${pixel.pathname}`, { headers: { "user-agent": GMAIL_IMAGE_PROXY } })
    expect(open.status).toBe(200)
    await report.getByTestId("funnel-opened").filter({ hasText: /^1$/ }).waitFor({ timeout: 30_000 })
    const gmail = report.getByRole("region", { name: "Mailbox providers" }).getByRole("row").filter({ hasText: "Gmail" })
    await expect(gmail.getByRole("cell").last().textContent()).resolves.toMatch(/^1 /)
    await report.screenshot({ path: artifact("campaign-report-after-open.png") })
  })

  step("downloads the report as a PDF made by the server", async () => {
    const report = page.getByRole("region", { name: "Delivery report" })
    const download = page.waitForEvent("download")
    await report.getByRole("button", { name: "PDF" }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`campaign-${campaign.id}.pdf`)
    const { pages, lines } = readPdf(await readFile((await file.path())!))
    expect(pages).toBe(1)
    expect(lines).toEqual(expect.arrayContaining([`Campaign: ${campaign.name}`, "Gmail", "Outlook", "Spend EUR 0.00 of EUR 50.00 budget"]))
  })

})
