import fs from "node:fs"
import { BrowserContext, Page } from "playwright-core"
import { SCANNER_WINDOW_MS } from "../../src/modules/messaging/lib/classify-engagement"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"
import { Sinks, startDeliverySinks } from "../helpers/delivery"

// CommonJS sinks shared with the demo: its inbox, over the SMTP sink the plugin sends to.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startWebInbox } = require("../../demo/sinks")

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "merchandiser@marketing.test", password: "browser-password-1" }
const SEGMENT = { name: "Inbox readers", dsl: "email CONTAINS '@inbox.test'" }
const READERS = ["mia@inbox.test,Mia,subscribed", "noah@inbox.test,Noah,subscribed"]
/** Weekly digests in the long history: more than a page of the timeline. */
const WEEKS = 24
/** A reader's mail client: a desktop browser, which the open and click tracking counts as a person. */
const READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

/**
 * A merchandiser's whole path through the admin, with no API call: contacts, a segment, a campaign
 * with a merge tag sent to it, the email read in the demo's inbox, and the figures and the contact's
 * timeline following what the reader did.
 */
describe("Marketing › A merchandiser runs a campaign from the admin", () => {
  let sinks: Sinks
  let inbox: { url: string; close: () => Promise<void> }
  let admin: AdminBrowser
  let page: Page
  let reader: BrowserContext
  let artifact: AdminBrowser["artifact"]
  let sidebarLink: AdminBrowser["sidebarLink"]
  const name = `Spring edit ${Date.now()}`
  /** When every message had left: opens and clicks sooner than a person could are a machine's. */
  let allSentAt: number

  // Registered first: the host reads the sinks' MARKETING_OPTIONS_JSON from this process's environment when it starts.
  beforeAll(async () => {
    sinks = await startDeliverySinks({ emailProvider: "smtp" })
    inbox = await startWebInbox({ smtp: sinks.smtp })
  })

  beforeAll(async () => {
    admin = await startAdminBrowser("merchandiser", ADMIN)
    ;({ page, artifact, sidebarLink } = admin)
    reader = await page.context().browser()!.newContext({ userAgent: READER_AGENT, locale: "en-US", timezoneId: "UTC" })
    await admin.logIn()
  }, 240_000)

  afterAll(async () => {
    await reader?.close()
    await admin?.stop()
    await inbox?.close()
    await sinks?.close()
  })

  const step = pageSteps(() => admin)

  step("imports the readers and makes a segment of them", async () => {
    await sidebarLink("Marketing").click()
    await sidebarLink("Contacts").click()
    await page.getByRole("button", { name: "Import", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Import contacts" })
    const csv = ["email,first_name,email_consent", ...READERS].join("\n")
    await drawer.getByLabel("CSV file").setInputFiles({ name: "readers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) })
    await drawer.getByRole("button", { name: "Upload" }).click()
    const report = page.getByRole("dialog", { name: "Contact import" })
    await report.getByText("Completed", { exact: true }).waitFor()
    await expect(report.getByTestId("import-created-count").textContent()).resolves.toBe(String(READERS.length))
    await page.keyboard.press("Escape")
    await report.waitFor({ state: "detached" })

    await sidebarLink("Segments").click()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog")
    await form.getByLabel("Name", { exact: true }).fill(SEGMENT.name)
    await form.getByLabel("Conditions").pressSequentially(SEGMENT.dsl, { delay: 15 })
    await form.getByTestId("segment-match-count").filter({ hasText: /^2$/ }).waitFor()
    await form.getByRole("button", { name: "Save" }).click()
    await page.getByRole("heading", { name: SEGMENT.name }).waitFor()
  })

  step("creates a campaign with a merge tag for the segment, counted as email reaches it, and schedules it", async () => {
    await sidebarLink("Campaigns").click()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create campaign" })
    await form.getByLabel("Name").fill(name)
    await form.getByRole("combobox", { name: "Audience" }).fill("inbox")
    await form.getByRole("option", { name: SEGMENT.name }).click()
    await form.getByTestId("reachable-count").filter({ hasText: `${READERS.length} contacts reachable by email` }).waitFor()
    await form.getByLabel("Subject").fill("{{ contact.first_name }}, the spring edit is here")
    // The content from blocks, the reader's name from the merge-tag menu: no HTML written.
    await form.getByRole("button", { name: "Add heading" }).click()
    await form.getByRole("group", { name: "Block 1: Heading" }).getByLabel("Heading text").fill("Spring edit")
    await form.getByRole("button", { name: "Add text" }).click()
    const text = form.getByRole("group", { name: "Block 2: Text" })
    await text.getByLabel("Text").fill("Hello ")
    await text.getByRole("button", { name: "Insert merge tag" }).click()
    await page.getByRole("menuitem", { name: /First name/ }).click()
    await page.getByRole("menuitem").first().waitFor({ state: "detached" })
    await text.getByLabel("Text").press("End")
    await page.keyboard.type(", the new range is in.")
    await expect(text.getByLabel("Text").inputValue()).resolves.toBe("Hello {{ contact.first_name }}, the new range is in.")
    await form.getByRole("button", { name: "Add button" }).click()
    const button = form.getByRole("group", { name: "Block 3: Button" })
    await button.getByLabel("Button label").fill("Shop the spring edit")
    await button.getByLabel("Button URL").fill(`${inbox.url}/sms`)
    const sendAt = { year: new Date().getUTCFullYear() + 1, month: 3, day: 20, hour: 9, minute: 0 }
    const pad = (value: number) => String(value).padStart(2, "0")
    await form.getByRole("group", { name: "Send at" }).getByRole("spinbutton").first().click()
    await page.keyboard.type(`${pad(sendAt.month)}${pad(sendAt.day)}${sendAt.year}${pad(sendAt.hour)}${pad(sendAt.minute)}A`)
    await form.getByRole("button", { name: "Save" }).click()

    await page.getByRole("heading", { name }).waitFor()
    await page.getByRole("region", { name: "Audience" }).getByRole("link", { name: SEGMENT.name }).waitFor()
    await page.getByRole("button", { name: "Schedule" }).click()
    await header().getByText("Scheduled", { exact: true }).waitFor()
    await page.screenshot({ path: artifact("scheduled.png") })

    // Scheduled, it keeps an audience: the server refuses to take it away, and the form says why, where.
    await page.getByRole("button", { name: "Campaign actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const edit = page.getByRole("dialog", { name: "Edit campaign" })
    await edit.getByRole("button", { name: `Remove ${SEGMENT.name}` }).click()
    await edit.getByRole("button", { name: "Save" }).click()
    await edit.getByText("A campaign needs an audience: pick the segment it goes to").waitFor()
    await page.screenshot({ path: artifact("audience-required.png") })
    await edit.getByRole("combobox", { name: "Audience" }).fill("inbox")
    await edit.getByRole("option", { name: SEGMENT.name }).click()
    await edit.getByRole("button", { name: "Save" }).click()
    await edit.waitFor({ state: "detached" })
  })

  step("sends it now to as many readers as it said", async () => {
    await page.getByRole("button", { name: "Send now" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Send to ${READERS.length} contacts by email?`, { exact: true }).waitFor()
    await prompt.getByRole("button", { name: "Send now" }).click()
    const delivery = page.getByRole("region", { name: "Delivery" })
    await delivery.getByText(`${READERS.length} of ${READERS.length} sent`).waitFor()
    allSentAt = Date.now()
    await header().getByText("Sent", { exact: true }).waitFor()
    await expect(delivery.getByTestId("funnel-opened").textContent()).resolves.toBe("0")
    await expect(delivery.getByTestId("funnel-clicked").textContent()).resolves.toBe("0")
  })

  step("reads the email in the demo inbox, opens it and follows its link, and the campaign page counts both without a reload", async () => {
    const mail = await reader.newPage()
    await mail.goto(inbox.url)
    const row = mail.getByRole("row").filter({ hasText: "mia@inbox.test" })
    await row.getByText("Mia, the spring edit is here").waitFor()
    // A person takes longer than this to open a message: sooner, the open would be a mail scanner's.
    await mail.waitForTimeout(Math.max(0, allSentAt + SCANNER_WINDOW_MS + 1_000 - Date.now()))
    // The email as the reader sees it, its open pixel fetched from the store as it loads.
    await Promise.all([mail.waitForResponse(/\/marketing\/t\/o\//), row.getByRole("link", { name: "HTML" }).click()])
    await mail.getByText("Hello Mia, the new range is in.").waitFor()
    await mail.screenshot({ path: artifact("email-in-inbox.png") })
    const link = mail.getByRole("link", { name: "Shop the spring edit" })
    expect(new URL((await link.getAttribute("href"))!).origin).toBe(admin.host.url)
    // Through the store's click tracking, on to the page the link was written for (an email button opens a new tab).
    const [shop] = await Promise.all([mail.waitForEvent("popup"), link.click()])
    await shop.waitForURL(`${inbox.url}/sms`)
    await mail.close()

    const delivery = page.getByRole("region", { name: "Delivery" })
    await delivery.getByTestId("funnel-opened").filter({ hasText: /^1$/ }).waitFor({ timeout: 30_000 })
    await delivery.getByTestId("funnel-clicked").filter({ hasText: /^1$/ }).waitFor({ timeout: 30_000 })
    await delivery.screenshot({ path: artifact("figures-after-reading.png") })
  })

  step("shows the reader's timeline: the email with its open and click, the consent, a change recorded now on top", async () => {
    await sidebarLink("Contacts").click()
    // The campaign page stays until the list replaces it, and its message log has a cell with the address too.
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor()
    await page.getByRole("cell", { name: "mia@inbox.test" }).click()
    await page.getByRole("heading", { name: "Mia", exact: true }).waitFor()
    const timeline = page.getByRole("list", { name: "Activity" })
    const email = timeline.locator(":scope > li").filter({ hasText: `Email from ${name}` })
    await email.getByText("mia@inbox.test · Opened once · Clicked once").waitFor()
    await email.getByText(`Clicked ${inbox.url}/sms`, { exact: false }).waitFor()
    await timeline.locator(":scope > li").filter({ hasText: "Email consent" }).getByText("via import").waitFor()

    await page.getByRole("button", { name: "Change SMS consent" }).click()
    await page.getByRole("menuitem", { name: "Mark as subscribed" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Record" }).click()
    await timeline.locator(":scope > li").first().filter({ hasText: "SMS consent" }).getByText("via admin").waitFor()
    await page.screenshot({ path: artifact("contact-timeline.png") })

    await email.getByRole("link", { name }).click()
    await page.getByRole("heading", { name }).waitFor()
  })

  step("pages through a long history, linking the order, the promotion and the journey's steps", async () => {
    const out = artifact("contact-history.json")
    await admin.host.exec("./integration-tests/browser/fixtures/contact-history.ts", "noah@inbox.test", String(WEEKS), out)
    const { order_id, promotion_id } = JSON.parse(fs.readFileSync(out, "utf8"))
    await sidebarLink("Contacts").click()
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor()
    await page.getByRole("cell", { name: "noah@inbox.test" }).click()
    await page.getByRole("heading", { name: "Noah", exact: true }).waitFor()
    const timeline = page.getByRole("list", { name: "Activity" })
    const items = timeline.locator(":scope > li")
    // Newest first: today's email and consent, then the order and what it redeemed, the journey, the digests.
    await items.filter({ hasText: `Email from ${name}` }).waitFor()
    const order = items.filter({ hasText: "Placed an order" })
    await order.getByText("€ 90.00 EUR · 2 items").waitFor()
    await expect(order.getByRole("link", { name: "an order" }).getAttribute("href")).resolves.toBe(`/app/orders/${order_id}`)
    const redemption = items.filter({ hasText: "Redeemed Welcome 10 with WELCOME10" })
    await redemption.getByText("€ 9.00 EUR off").waitFor()
    await expect(redemption.getByRole("link", { name: "Welcome 10" }).getAttribute("href")).resolves.toBe(`/app/marketing/promotions/${promotion_id}`)
    await items.filter({ hasText: "Entered the journey Welcome series" }).getByText(/^Welcome email: next ·/).waitFor()

    const firstPage = 20
    await expect(items.count()).resolves.toBe(firstPage)
    const total = 2 + 3 + WEEKS
    await page.getByRole("button", { name: "Load more" }).click()
    await items.nth(total - 1).waitFor()
    await expect(items.count()).resolves.toBe(total)
    await expect(items.filter({ hasText: "Email from Weekly digest" }).count()).resolves.toBe(WEEKS)
    await expect(page.getByRole("button", { name: "Load more" }).count()).resolves.toBe(0)
    await page.screenshot({ path: artifact("contact-timeline-paged.png"), fullPage: true })
  })

  const header = () => page.getByRole("heading", { name }).locator("xpath=..")
})
