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

  step("ranks campaigns, journeys and promotions on the dashboard, each row linked to its report, and sorts a table by a clicked column", async () => {
    await admin.host.exec("./integration-tests/browser/fixtures/top-tables-activity.ts")
    await page.goto(`${admin.host.url}/app/marketing/dashboard`)
    const table = (title: string) => page.getByRole("region", { name: title })
    const rowOf = (title: string, name: string) => table(title).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) })
    const firstRow = (title: string) => table(title).getByRole("row").nth(1)
    const figure = async (title: string, name: string, column: string) => (await rowOf(title, name).getByTestId(`top-${column}`).textContent())?.trim()

    // By revenue (the default): each table's biggest earner first, with the seeded figures.
    await rowOf("Top campaigns", "Spring sale").filter({ hasText: "200.00" }).waitFor()
    await expect(firstRow("Top campaigns").textContent()).resolves.toContain("Spring sale")
    await expect(figure("Top campaigns", "Spring sale", "sent")).resolves.toBe("4")
    await expect(figure("Top campaigns", "Spring sale", "clicked")).resolves.toBe("1")
    await expect(figure("Top campaigns", "Summer teaser", "sent")).resolves.toBe("6")
    await rowOf("Top journeys", "Win-back").filter({ hasText: "30.00" }).waitFor()
    await expect(firstRow("Top journeys").textContent()).resolves.toContain("Win-back")
    await expect(figure("Top journeys", "Welcome series", "sent")).resolves.toBe("3")
    await expect(firstRow("Top promotions").textContent()).resolves.toContain("Spring ten")
    await expect(figure("Top promotions", "Loyalty five", "orders")).resolves.toBe("3")
    await expect(figure("Top promotions", "Loyalty five", "discount_amount")).resolves.toMatch(/15\.00/)
    await expect(figure("Top promotions", "Spring ten", "codes_redeemed")).resolves.toBe("1")

    // A click on a column's header sorts by it, most first; a second click, least first.
    await table("Top campaigns").getByRole("button", { name: "Sent" }).click()
    await firstRow("Top campaigns").filter({ hasText: "Summer teaser" }).waitFor()
    await table("Top campaigns").getByRole("button", { name: "Sent" }).click()
    await table("Top campaigns").getByRole("row").last().filter({ hasText: "Summer teaser" }).waitFor()
    await table("Top journeys").getByRole("button", { name: "Sent" }).click()
    await firstRow("Top journeys").filter({ hasText: "Welcome series" }).waitFor()
    await table("Top promotions").getByRole("button", { name: "Orders" }).click()
    await firstRow("Top promotions").filter({ hasText: "Loyalty five" }).waitFor()
    await page.screenshot({ path: artifact("dashboard-top-tables.png"), fullPage: true })

    for (const [title, name, path] of [["Top campaigns", "Spring sale", "campaigns"], ["Top journeys", "Win-back", "journeys"], ["Top promotions", "Loyalty five", "promotions"]]) {
      await expect(table(title).getByRole("link", { name, exact: true }).getAttribute("href")).resolves.toMatch(new RegExp(`/app/marketing/${path}/[^/]+$`))
    }

    // The table's CSV, sorted as shown.
    const download = page.waitForEvent("download")
    await table("Top promotions").getByRole("button", { name: "Export CSV" }).click()
    expect((await download).suggestedFilename()).toMatch(/^marketing-top-promotions-.+\.csv$/)
  })
})
