import { Page } from "playwright-core"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "journeys-admin@marketing.test", password: "browser-password-1" }
const JOURNEY = "Welcome flow"
const SUBJECT = "Welcome aboard, {{ contact.first_name }}"

describe("Marketing › Journeys in the admin", () => {
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let journeyId: string

  beforeAll(async () => {
    admin = await startAdminBrowser("journeys", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
  }, 240_000)

  afterAll(() => admin?.stop())

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

  step("edits a step and adds one in the side panel, and saves the draft", async () => {
    await node("welcome").click()
    await panel().getByLabel("Subject", { exact: true }).fill(SUBJECT)
    await node("welcome").getByText("Email: Welcome aboard").waitFor()

    await node("nudge").click()
    await panel().getByRole("button", { name: "Add step after" }).click()
    // A wait by default, placed after the nudge and selected.
    await node("wait_1").waitFor()
    await panel().getByRole("heading", { name: "Wait" }).waitFor()

    await page.getByRole("button", { name: "Save draft" }).click()
    await page.getByText("Draft saved").waitFor()
    const draft = await draftOf(journeyId)
    expect(draft.graph.steps.find((s: { id: string }) => s.id === "welcome").subject).toBe(SUBJECT)
    expect(draft.graph.edges).toContainEqual({ from: "nudge", to: "wait_1", outcome: "next" })
  })

  step("shows the server's problems on their node when publishing is refused, then publishes", async () => {
    await node("nudge").click()
    await panel().getByLabel("Message", { exact: true }).fill("")
    await page.getByRole("button", { name: "Publish" }).click()
    await node("nudge").getByText("the message has no body").waitFor()
    await page.screenshot({ path: artifact("journey-problem.png") })
    expect((await api("GET", `/admin/marketing/journeys/${journeyId}`)).journey.status).toBe("draft")

    await panel().getByLabel("Message", { exact: true }).fill("<p>Still getting to know us, {{ contact.first_name }}?</p>")
    await page.getByRole("button", { name: "Publish" }).click()
    await page.getByText("Published as version 1").waitFor()
    await node("nudge").getByText("the message has no body").waitFor({ state: "detached" })
    await page.getByText("Live", { exact: true }).first().waitFor()
    await page.getByRole("button", { name: "Pause" }).waitFor()
    const { journey } = await api("GET", `/admin/marketing/journeys/${journeyId}`)
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

  /** The draft version the canvas saved. */
  async function draftOf(id: string) {
    const { journey } = await api("GET", `/admin/marketing/journeys/${id}`)
    return journey.versions.find((v: { published_at: string | null }) => !v.published_at)
  }

  /** The admin API with the browser's session; a failure says what the server answered. */
  async function api(method: "GET" | "POST", path: string, data?: unknown) {
    const response = await page.request.fetch(`${admin.host.url}${path}`, { method, data })
    if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`)
    return response.json()
  }
})
