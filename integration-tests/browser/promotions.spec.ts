import fs from "node:fs"
import { Locator, Page } from "playwright-core"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "promotions-admin@marketing.test", password: "browser-password-1" }
const CUSTOMER = { first_name: "Ada", last_name: "Lovelace", email: "ada@promotions.test" }
const SEGMENT = { name: "Every shopper", handle: "every-shopper", dsl: "total_spent >= 0", kind: "live" }
const PROMOTION = "Spring codes"
const CODE_COUNT = 5
/** The codes' pattern: six random characters after the prefix. */
const CODE = /^SPRING-[2-9A-HJ-NP-Z]{6}$/

describe("Marketing › Promotions in the admin", () => {
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let promotionId: string

  beforeAll(async () => {
    admin = await startAdminBrowser("promotions", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
    await createShopperAndSegment()
  }, 240_000)

  afterAll(() => admin?.stop())

  const step = pageSteps(() => admin)

  step("creates a promotion through the form, showing the server's objection under its field first", async () => {
    await admin.sidebarLink("Marketing").click()
    // Medusa's own "Promotions" stays beside the plugin's entry, which has a name of its own.
    await expect(admin.sidebarLink("Promotions").getAttribute("href")).resolves.toBe("/app/promotions")
    await admin.sidebarLink("Marketing offers").click()
    await page.getByRole("heading", { name: "Marketing offers" }).waitFor()
    expect(new URL(page.url()).pathname).toBe("/app/marketing/promotions")

    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create promotion" })
    await form.getByLabel("Name", { exact: true }).fill(PROMOTION)
    // A percentage needs no currency until an amount of money does: a fixed amount off, or a budget.
    await expect(currencyIsOptional(form)).resolves.toBe(true)
    await form.getByLabel("Budget", { exact: true }).fill("500")
    await expect(currencyIsOptional(form)).resolves.toBe(false)
    await form.getByLabel("Budget", { exact: true }).fill("")
    await expect(currencyIsOptional(form)).resolves.toBe(true)
    await form.getByRole("combobox", { name: "Type" }).click()
    await page.getByRole("option", { name: "Amount off" }).click()
    await expect(currencyIsOptional(form)).resolves.toBe(false)
    await form.getByLabel("Amount off").fill("5")
    await form.getByRole("radio", { name: /Generated codes/ }).click()
    await form.getByLabel("Code pattern").fill("spring-xxxxxx")

    // No currency: the form leaves that rule to the server, whose message shows under the currency.
    await form.getByRole("button", { name: "Save" }).click()
    const currency = form.getByLabel("Currency")
    await form.getByText("A fixed amount needs its currency").waitFor()
    await expect(currency.getAttribute("aria-invalid")).resolves.toBe("true")
    await page.screenshot({ path: artifact("promotion-form-error.png") })
    await form.getByRole("heading", { name: "Targeting" }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact("promotion-form-targeting.png") })

    await currency.fill("eur")
    await form.getByText("A fixed amount needs its currency").waitFor({ state: "detached" })
    await form.getByRole("button", { name: "Save" }).click()
    // A new promotion opens on its own page, as a draft.
    await page.getByRole("heading", { name: PROMOTION }).waitFor()
    promotionId = new URL(page.url()).pathname.split("/").pop()!
    await header().getByText("Draft", { exact: true }).waitFor()

    const { promotion } = await admin.api("GET", `/admin/marketing/promotions/${promotionId}`)
    expect(promotion).toMatchObject({
      name: PROMOTION,
      type: "fixed",
      value: 5,
      currency_code: "eur",
      code_mode: "unique",
      code_pattern: "SPRING-XXXXXX",
      status: "draft",
    })
  })

  step("lists it with its offer and redemption, and activates it", async () => {
    await admin.sidebarLink("Marketing offers").click()
    const row = page.getByRole("row").filter({ hasText: PROMOTION })
    await row.getByText("€5.00 off").waitFor()
    await row.getByText("Generated codes").waitFor()
    await page.screenshot({ path: artifact("promotion-list.png") })
    await row.getByRole("cell", { name: PROMOTION }).click()
    await page.getByRole("heading", { name: PROMOTION }).waitFor()

    await page.getByRole("button", { name: "Activate" }).click()
    await header().getByText("Active", { exact: true }).waitFor()
    await page.getByRole("button", { name: "Pause" }).waitFor()
    expect((await admin.api("GET", `/admin/marketing/promotions/${promotionId}`)).promotion.status).toBe("active")
  })

  step("generates codes and lists them", async () => {
    await page.getByRole("button", { name: "Generate" }).click()
    const drawer = page.getByRole("dialog", { name: "Generate codes" })
    await expect(drawer.getByLabel("Pattern").inputValue()).resolves.toBe("SPRING-XXXXXX")
    await drawer.getByLabel("Number of codes").fill(String(CODE_COUNT))
    await drawer.getByRole("button", { name: "Generate" }).click()
    await page.getByText(`${CODE_COUNT} codes generated`).waitFor()
    await drawer.waitFor({ state: "detached" })

    const codes = page.locator("tbody tr").filter({ hasText: "Available" })
    await codes.nth(CODE_COUNT - 1).waitFor()
    const listed = await codes.locator("code").allTextContents()
    expect(listed).toHaveLength(CODE_COUNT)
    for (const code of listed) expect(code).toMatch(CODE)
    await page.getByRole("heading", { name: "Codes", exact: true }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact("promotion-codes.png") })
  })

  step("downloads the codes as CSV", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()])
    expect(download.suggestedFilename()).toBe(`promotion-codes-${promotionId}.csv`)
    const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\n")
    expect(csv[0]).toBe("code,status,contact_id,order_id,batch_id,created_at,redeemed_at")
    expect(csv).toHaveLength(CODE_COUNT + 1)
    for (const line of csv.slice(1)) expect(line.split(",")[0]).toMatch(CODE)
  })

  step("voids a code, which the status filter then finds", async () => {
    const first = page.locator("tbody tr").filter({ hasText: "Available" }).first()
    const code = await first.locator("code").textContent()
    await first.getByRole("button", { name: "Void" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Nobody will be able to use ${code}`).waitFor()
    await prompt.getByRole("button", { name: "Void" }).click()
    await page.getByText(`${code} was voided`).waitFor()
    await page.getByRole("row").filter({ hasText: code! }).getByText("Void", { exact: true }).waitFor()

    // The filter lives in the URL, as on Medusa's lists.
    await page.goto(`${admin.host.url}/app/marketing/promotions/${promotionId}?codes_status=void`)
    await page.getByRole("row").filter({ hasText: code! }).waitFor()
    await expect(page.locator("tbody tr").filter({ has: page.locator("code") }).count()).resolves.toBe(1)
    await page.goto(`${admin.host.url}/app/marketing/promotions/${promotionId}`)
    await page.getByRole("heading", { name: PROMOTION }).waitFor()
  })

  step("assigns codes to a chosen contact and to a segment, saying how many", async () => {
    const contactId = (await admin.api("GET", "/admin/marketing/contacts?q=promotions.test")).contacts[0].id
    await page.getByRole("button", { name: "Assign" }).click()
    let drawer = page.getByRole("dialog", { name: "Assign codes" })
    // Five generated, one voided: four to give.
    await drawer.getByText("4 codes are free to give.", { exact: false }).waitFor()
    await drawer.getByRole("combobox", { name: "Contacts" }).fill("Ada")
    await page.getByRole("option", { name: /Ada Lovelace/ }).click()
    await drawer.getByText("1 contact chosen: up to as many codes assigned.").waitFor()
    await page.screenshot({ path: artifact("assign-codes.png") })
    await drawer.getByRole("button", { name: "Assign" }).click()
    await page.getByText("1 code assigned").waitFor()
    await drawer.waitFor({ state: "detached" })
    const { promotion_codes } = await admin.api("GET", `/admin/marketing/promotions/${promotionId}/codes?contact_id=${contactId}`)
    expect(promotion_codes).toHaveLength(1)
    await page.getByRole("row").filter({ hasText: promotion_codes[0].code }).getByRole("link", { name: contactId }).waitFor()

    // The segment holds the same shopper, who has a code already: nothing more is given.
    await page.getByRole("button", { name: "Assign" }).click()
    drawer = page.getByRole("dialog", { name: "Assign codes" })
    await drawer.getByText("A segment", { exact: true }).click()
    await drawer.getByRole("combobox", { name: "Segment" }).fill("every")
    await page.getByRole("option", { name: SEGMENT.name }).click()
    await drawer.getByTestId("reachable-count").getByText(/reachable by email$/).waitFor()
    await drawer.getByRole("button", { name: "Assign" }).click()
    await page.getByText("No codes assigned: every chosen contact holds one already").waitFor()
    expect((await admin.api("GET", `/admin/marketing/promotions/${promotionId}/codes?contact_id=${contactId}`)).count).toBe(1)
  })

  step("names batches by size and time, fits the codes table on the page, and voids a whole batch", async () => {
    const batchLabel = /^Batch of 5 · /
    const codesTable = page.locator("table").filter({ has: page.locator("code") })
    await codesTable.getByText(batchLabel).first().waitFor()
    const overflow = await codesTable.evaluate((table) => {
      const container = table.closest("[class*='shadow-elevation-card-rest']") ?? table.parentElement!
      return table.getBoundingClientRect().right - container.getBoundingClientRect().right
    })
    expect(overflow).toBeLessThanOrEqual(0)

    const batches = page.getByRole("region", { name: "Code batches" })
    const batch = batches.getByRole("listitem", { name: batchLabel })
    await batch.getByText("4 available · 1 given to contacts").waitFor()
    await batch.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact("code-batches.png") })
    await batch.getByRole("button", { name: /^Void Batch of 5/ }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("Void 4 available codes?").waitFor()
    await prompt.getByRole("button", { name: "Void" }).click()
    await page.getByText("4 codes voided").waitFor()
    await batch.getByText("0 available · 1 given to contacts").waitFor()
    await expect(batch.getByRole("button", { name: /^Void Batch of 5/ }).isDisabled()).resolves.toBe(true)
    const { count } = await admin.api("GET", `/admin/marketing/promotions/${promotionId}/codes?status=void`)
    expect(count).toBe(5)
  })

  step("estimates what the promotion would cost on a segment", async () => {
    const preview = page.getByRole("region", { name: "Cost preview" })
    await preview.getByRole("combobox", { name: "Segment" }).fill("every")
    await preview.getByRole("option", { name: SEGMENT.name }).click()
    await preview.getByRole("button", { name: "Remove Every shopper" }).waitFor()
    await preview.getByRole("button", { name: "Estimate" }).click()
    const method = preview.getByTestId("cost-estimate-method")
    await method.getByText(/^The terms were replayed on the orders of the last 90 days of the segment's 1 customer/).waitFor()
    // The shopper has no orders yet: nothing would have qualified, so nothing would be spent.
    await preview.getByText("€0.00").first().waitFor()
    await preview.screenshot({ path: artifact("cost-preview.png") })
  })

  step("shows the marketing promotion on the native promotion page", async () => {
    // A shared code is mirrored at once, as a native promotion (generated codes get theirs when applied).
    const { promotion: shared } = await admin.api("POST", "/admin/marketing/promotions", {
      name: "Welcome ten",
      type: "percentage",
      value: 10,
      code_mode: "shared",
      code: "WELCOME10",
    })
    const { promotion } = await admin.api("GET", `/admin/marketing/promotions/${shared.id}`)
    const [native] = promotion.promotions.filter(Boolean)
    expect(native).toMatchObject({ code: "WELCOME10" })

    await page.goto(`${admin.host.url}/app/promotions/${native.id}`)
    const widget = page.getByRole("region", { name: "Marketing promotion" })
    await widget.getByText("Welcome ten").waitFor()
    await widget.getByText("10% off").waitFor()
    await widget.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact("native-promotion-widget.png") })
    await widget.getByRole("link", { name: "View promotion" }).click()
    await page.getByRole("heading", { name: "Welcome ten" }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/app/marketing/promotions/${shared.id}`)
  })

  step("shows on the native order page which campaign, message and code the order came through", async () => {
    const out = artifact("attributed-order.json")
    await admin.host.exec("./integration-tests/browser/fixtures/attributed-order.ts", out)
    const { order_id } = JSON.parse(fs.readFileSync(out, "utf8"))
    await page.goto(`${admin.host.url}/app/orders/${order_id}`)
    const widget = page.getByRole("region", { name: "Marketing attribution" })
    await widget.getByText("mmsg_spring_ada", { exact: true }).waitFor()
    await widget.getByText("Last click: mmsg_spring_ada").waitFor()
    await widget.getByText("SPRING20").waitFor()
    await widget.getByText("€9.00").waitFor()
    await widget.getByRole("link", { name: "Spring sale" }).click()
    await page.getByRole("heading", { name: "Spring sale" }).waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/marketing\/campaigns\/mcamp_/)
    await page.goBack()
    await widget.waitFor()
    await page.screenshot({ path: artifact("order-attribution-widget.png") })
  })

  /** Whether the form's currency field is labelled "(Optional)". */
  step("duplicates the promotion as a draft without its codes, and opens the copy", async () => {
    await page.goto(`${admin.host.url}/app/marketing/promotions/${promotionId}`)
    await page.getByRole("heading", { name: PROMOTION }).waitFor()
    await page.getByRole("button", { name: "Promotion actions" }).click()
    await page.getByRole("menuitem", { name: "Duplicate" }).click()
    const copyHeading = page.getByRole("heading", { name: `${PROMOTION} (copy)` })
    await copyHeading.waitFor()
    const copyId = new URL(page.url()).pathname.split("/").pop()
    expect(copyId).not.toBe(promotionId)
    await copyHeading.locator("xpath=..").getByText("Draft", { exact: true }).waitFor()
    await page.getByText("No codes yet").waitFor()
    await page.screenshot({ path: artifact("promotion-duplicate.png") })
    const { count } = await admin.api("GET", `/admin/marketing/promotions/${promotionId}/codes`)
    expect(count).toBe(CODE_COUNT)
  })

  const currencyIsOptional = async (form: Locator) =>
    (await form.locator("label", { hasText: /^Currency$/ }).locator("xpath=..").getByText("(Optional)").count()) === 1

  /** The promotion page's header: its name, status and actions. */
  const header = () => page.getByRole("heading", { name: PROMOTION }).locator("xpath=..")

  /** A shopper, made a contact by the plugin's subscriber, and a segment everyone is in. */
  async function createShopperAndSegment() {
    await admin.api("POST", "/admin/customers", CUSTOMER)
    await admin.api("POST", "/admin/marketing/segments", SEGMENT)
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      const { count } = await admin.api("GET", "/admin/marketing/contacts?q=promotions.test")
      if (count === 1) return
      await page.waitForTimeout(250)
    }
    throw new Error("The shopper's contact was not created within 20s")
  }
})
