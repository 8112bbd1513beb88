import { Page } from "playwright-core"
import { importContacts } from "../helpers/browser-contacts"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"
import { Sinks, startDeliverySinks } from "../helpers/delivery"

// CommonJS sinks shared with the demo: its inbox, over the SMTP sink the plugin sends to.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startWebInbox } = require("../../demo/sinks")

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "journeys-admin@marketing.test", password: "browser-password-1" }
const JOURNEY = "Welcome flow"
const SUBJECT = "Welcome aboard, {{ contact.first_name }}"
/** The contact the journey is tested with, and the customers whose sign-up is the real trigger. */
const TESTER = { email: "mia@inbox.test", first_name: "Mia" }
const SHOPPERS = ["liam@shop.test", "emma@shop.test"]

describe("Marketing › Journeys in the admin", () => {
  let sinks: Sinks
  let inbox: { url: string; close: () => Promise<void> }
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let journeyId: string

  // Registered first: the host reads the sinks' MARKETING_OPTIONS_JSON from this process's environment when it starts.
  beforeAll(async () => {
    sinks = await startDeliverySinks({ emailProvider: "smtp" })
    inbox = await startWebInbox({ smtp: sinks.smtp })
  })

  beforeAll(async () => {
    admin = await startAdminBrowser("journeys", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
  }, 240_000)

  afterAll(async () => {
    await admin?.stop()
    await inbox?.close()
    await sinks?.close()
  })

  const step = pageSteps(() => admin)
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`)
  const panel = () => page.getByRole("complementary", { name: "Step settings" })

  step("creates a journey from the welcome series template and opens it on the canvas", async () => {
    await admin.sidebarLink("Marketing").click()
    await admin.sidebarLink("Journeys").click()
    await page.getByRole("heading", { name: "Journeys" }).waitFor()
    expect(new URL(page.url()).pathname).toBe("/app/marketing/journeys")

    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create journey" })
    await form.getByLabel("Name", { exact: true }).fill(JOURNEY)
    await form.getByRole("radio", { name: /Welcome series/ }).click()
    await form.getByRole("button", { name: "Create" }).click()

    await page.getByRole("heading", { name: JOURNEY }).waitFor()
    journeyId = new URL(page.url()).pathname.split("/").pop()!
    // The template's graph: the trigger, the welcome email, the wait, the branch and its two ways.
    await node("__trigger").getByText("Customer created").waitFor()
    for (const id of ["welcome", "wait_3_days", "opened_welcome", "bestsellers", "nudge"]) await node(id).waitFor()
    await page.locator(".react-flow__edge").filter({ hasText: "Yes" }).waitFor()
    await page.locator(".react-flow__edge").filter({ hasText: "No" }).waitFor()
    await page.screenshot({ path: artifact("journey-canvas.png") })
  })

  step("edits a step, adds one between two others in the side panel, and saves the draft", async () => {
    await node("welcome").click()
    await panel().getByLabel("Subject", { exact: true }).fill(SUBJECT)
    await node("welcome").getByText("Email: Welcome aboard").waitFor()

    await panel().getByRole("button", { name: "Add step after" }).click()
    // A wait by default, placed between the welcome and the wait after it, and selected.
    await node("wait_1").waitFor()
    await panel().getByRole("heading", { name: "Wait" }).waitFor()
    // The view fits the grown graph: the last steps are still inside the canvas, not below it.
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[aria-label="Journey canvas"]')!.getBoundingClientRect()
      const last = document.querySelector('.react-flow__node[data-id="nudge"]')!.getBoundingClientRect()
      return last.bottom <= canvas.bottom
    }, undefined, { timeout: 10_000 })

    await page.getByRole("button", { name: "Save draft" }).click()
    await page.getByText("Draft saved").waitFor()
    const draft = await draftOf(journeyId)
    expect(draft.graph.steps.find((s: { id: string }) => s.id === "welcome").subject).toBe(SUBJECT)
    expect(draft.graph.edges).toContainEqual({ from: "welcome", to: "wait_1", outcome: "next" })
    expect(draft.graph.edges).toContainEqual({ from: "wait_1", to: "wait_3_days", outcome: "next" })
    expect(draft.graph.edges).not.toContainEqual({ from: "welcome", to: "wait_3_days", outcome: "next" })
  })

  step("shows the server's problems on their node when publishing is refused, then publishes", async () => {
    await node("nudge").click()
    await panel().getByLabel("Message", { exact: true }).fill("")
    await page.getByRole("button", { name: "Publish" }).click()
    await node("nudge").getByText("the message has no body").waitFor()
    await page.screenshot({ path: artifact("journey-problem.png") })
    expect((await admin.api("GET", `/admin/marketing/journeys/${journeyId}`)).journey.status).toBe("draft")

    await panel().getByLabel("Message", { exact: true }).fill("<p>Still getting to know us, {{ contact.first_name }}?</p>")
    await page.getByRole("button", { name: "Publish" }).click()
    await page.getByText("Published as version 1").waitFor()
    await node("nudge").getByText("the message has no body").waitFor({ state: "detached" })
    await page.getByText("Live", { exact: true }).first().waitFor()
    await page.getByRole("button", { name: "Pause" }).waitFor()
    const { journey } = await admin.api("GET", `/admin/marketing/journeys/${journeyId}`)
    expect(journey).toMatchObject({ status: "live", trigger_kind: "customer.created" })
  })

  step("lists the journey as live, with its version and trigger in words", async () => {
    await admin.sidebarLink("Journeys").click()
    const row = page.getByRole("row").filter({ hasText: JOURNEY })
    await row.getByText("Live", { exact: true }).waitFor()
    await row.getByText("v1", { exact: true }).waitFor()
    await row.getByText("Customer created").waitFor()
    await page.screenshot({ path: artifact("journey-list.png") })
  })

  step("tests the journey with a contact: the path shows, and its emails arrive in the demo inbox", async () => {
    await page.waitForLoadState("networkidle")
    await page.getByRole("cell", { name: JOURNEY }).click()
    await page.getByRole("heading", { name: JOURNEY }).waitFor()
    await importContacts(admin, ["email,first_name,email_consent", `${TESTER.email},${TESTER.first_name},subscribed`])
    await page.getByRole("button", { name: "Test", exact: true }).click()
    const drawer = page.getByRole("dialog", { name: "Test journey" })
    await drawer.getByRole("combobox", { name: "Contact" }).fill("mia")
    await drawer.getByRole("option", { name: new RegExp(TESTER.first_name) }).click()
    await drawer.getByRole("button", { name: "Run test" }).click()
    const path = drawer.getByRole("list", { name: "Test path" })
    // Waits skipped, the welcome not opened yet: the second nudge follows; both emails went out.
    await path.getByText(`Sent by email to ${TESTER.email} as a test send`).first().waitFor()
    await path.getByText("Second nudge").waitFor()
    await expect(path.getByText(`Sent by email to ${TESTER.email} as a test send`).count()).resolves.toBe(2)
    await page.screenshot({ path: artifact("journey-test.png") })
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "detached" })

    const mail = await page.context().newPage()
    await mail.goto(inbox.url)
    const rows = mail.getByRole("row").filter({ hasText: TESTER.email })
    await rows.filter({ hasText: `Welcome aboard, ${TESTER.first_name}` }).waitFor()
    await rows.filter({ hasText: "Still getting to know us?" }).waitFor()
    await mail.screenshot({ path: artifact("journey-test-inbox.png") })
    await mail.close()
    // A test enrols nobody.
    await page.getByText("No enrollments yet").waitFor()
  })

  step("counts the contacts on the nodes once a real trigger enrols them", async () => {
    // Customers sign up (the store's doing, not the merchandiser's): each enters the live journey.
    for (const email of SHOPPERS) await admin.api("POST", "/admin/customers", { email, first_name: email.split("@")[0] })
    // The welcome reaches nobody without consent, and each waits at the step put after it; the canvas refreshes its figures.
    await node("wait_1").getByTestId("step-figures").filter({ hasText: `${SHOPPERS.length} here` }).waitFor({ timeout: 60_000 })
    await node("welcome").getByTestId("step-figures").filter({ hasText: `${SHOPPERS.length} passed` }).waitFor()
    await page.screenshot({ path: artifact("journey-counts.png") })
  })

  step("lists the enrollments and filters them by contact and by state", async () => {
    await page.getByRole("heading", { name: "Enrollments" }).scrollIntoViewIfNeeded()
    for (const email of SHOPPERS) await page.getByRole("row").filter({ hasText: email }).getByText("Waiting").waitFor()
    await page.getByRole("row").filter({ hasText: SHOPPERS[0] }).getByText("wait_1").waitFor()

    await page.getByRole("combobox", { name: "Contact" }).fill(SHOPPERS[1])
    await page.getByRole("option", { name: new RegExp(SHOPPERS[1].split("@")[0]) }).click()
    await page.getByTestId("enrollments-contact-filter").waitFor()
    await page.getByRole("row").filter({ hasText: SHOPPERS[0] }).waitFor({ state: "detached" })
    await page.getByRole("row").filter({ hasText: SHOPPERS[1] }).waitFor()
    expect(new URL(page.url()).searchParams.get("enrollments_contact_id")).toMatch(/^mcon_/)

    await page.getByRole("button", { name: "Clear" }).click()
    await page.getByRole("row").filter({ hasText: SHOPPERS[0] }).waitFor()
    // The state filter, as Medusa's lists offer theirs: none has completed yet.
    await page.goto(`${page.url().split("?")[0]}?enrollments_state=completed`)
    await page.getByText("No matching enrollments").waitFor()
    await page.goto(`${page.url().split("?")[0]}?enrollments_state=waiting`)
    for (const email of SHOPPERS) await page.getByRole("row").filter({ hasText: email }).waitFor()
    await page.screenshot({ path: artifact("journey-enrollments.png") })
  })

  step("lists the versions and shows the live one read-only on the canvas", async () => {
    const versions = page.getByRole("list", { name: "Versions" })
    await versions.getByTestId("journey-version-1").getByText("Live", { exact: true }).waitFor()
    await versions.getByTestId("journey-version-1").getByText(/Published .* by /).waitFor()
    // An edit makes a draft, version 2; version 1 can then be viewed as it went live.
    await node("wait_1").click()
    await panel().getByRole("button", { name: "Delete step" }).click()
    await page.getByRole("button", { name: "Save draft" }).click()
    await page.getByText("Draft saved").waitFor()
    await versions.getByTestId("journey-version-2").getByText("Draft", { exact: true }).waitFor()
    await node("wait_1").waitFor({ state: "detached" })
    await versions.getByTestId("journey-version-1").getByRole("button", { name: "View" }).click()
    await page.getByTestId("journey-viewing").getByText(/Viewing version 1, published/).waitFor()
    await node("wait_1").waitFor()
    await page.screenshot({ path: artifact("journey-version.png") })
    await page.getByRole("button", { name: "Back to editing" }).click()
    await node("wait_1").waitFor({ state: "detached" })
  })

  step("shows the journey on a contact's page, from the enrollment's contact", async () => {
    await page.getByRole("link", { name: SHOPPERS[0] }).click()
    const journeys = page.getByRole("list", { name: "Journeys" })
    const item = journeys.getByRole("listitem").filter({ hasText: JOURNEY })
    await item.getByText("Waiting", { exact: true }).waitFor()
    await page.screenshot({ path: artifact("contact-journeys.png") })
    await item.getByRole("link", { name: JOURNEY }).click()
    await page.getByRole("heading", { name: JOURNEY }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/app/marketing/journeys/${journeyId}`)
  })

  /** The draft version the canvas saved. */
  async function draftOf(id: string) {
    const { journey } = await admin.api("GET", `/admin/marketing/journeys/${id}`)
    return journey.versions.find((v: { published_at: string | null }) => !v.published_at)
  }

})
