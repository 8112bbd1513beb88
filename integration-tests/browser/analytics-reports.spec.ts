import { Page } from "playwright-core"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "reports-admin@marketing.test", password: "browser-password-1" }

describe("Marketing › Analytics reports in the admin", () => {
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]

  beforeAll(async () => {
    admin = await startAdminBrowser("analytics-reports", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
  }, 240_000)

  afterAll(() => admin?.stop())

  const step = pageSteps(() => admin)

  step("shows a promotion's report on its page: orders, revenue, discount, redemptions per day and the campaign that brought them", async () => {
    await admin.host.exec("./integration-tests/browser/fixtures/promotion-report-activity.ts")
    await page.goto(`${admin.host.url}/app/marketing/promotions`)
    await page.getByRole("cell", { name: "Harvest ten" }).click()
    await page.getByRole("heading", { name: "Harvest ten" }).waitFor()

    const report = page.getByRole("region", { name: "Promotion report" })
    await report.getByRole("heading", { name: "Report" }).waitFor()
    await report.getByText("Updated every minute while it runs.").waitFor()
    const figure = (testId: string) => report.getByTestId(testId)
    await figure("promotion-report-orders").filter({ hasText: /^2$/ }).waitFor()
    await expect(figure("promotion-report-revenue").textContent()).resolves.toMatch(/135\.00/)
    await expect(figure("promotion-report-discount").textContent()).resolves.toMatch(/15\.00/)
    await report.getByText(/of €\s?100\.00( EUR)? budget spent/).waitFor()
    await report.getByRole("img", { name: "Orders with the promotion per day" }).locator(".recharts-bar-rectangle").first().waitFor()

    const rows = report.getByRole("row")
    await rows.filter({ hasText: "Campaign Harvest mailing" }).filter({ hasText: "45.00" }).waitFor()
    await rows.filter({ hasText: "No tracked click" }).filter({ hasText: "90.00" }).waitFor()
    await report.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact("promotion-report.png"), fullPage: true })

    // The PDF button downloads the server's PDF of the same range.
    const download = page.waitForEvent("download")
    await report.getByRole("button", { name: "PDF" }).click()
    expect((await download).suggestedFilename()).toMatch(/^promotion-.+\.pdf$/)
  })
})
