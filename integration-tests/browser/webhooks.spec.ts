import { Page } from "playwright-core"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"
import { eventually } from "../helpers/eventually"
import { expectSignedWith, startWebhookReceiver } from "../helpers/webhook-receiver"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "webhooks-admin@marketing.test", password: "browser-password-1" }

describe("Marketing › Webhooks in the admin", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let secret: string
  const optionsBefore = process.env.MARKETING_OPTIONS_JSON

  beforeAll(async () => {
    receiver = await startWebhookReceiver([], "/hooks/marketing")
    // The host reads its options from this process's environment: it may post to the receiver on 127.0.0.1.
    process.env.MARKETING_OPTIONS_JSON = JSON.stringify({ webhooks: { allow_http_localhost: true } })
    admin = await startAdminBrowser("webhooks", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
  }, 240_000)

  afterAll(async () => {
    await admin?.stop()
    await receiver?.close()
    if (optionsBefore === undefined) delete process.env.MARKETING_OPTIONS_JSON
    else process.env.MARKETING_OPTIONS_JSON = optionsBefore
  })

  const step = pageSteps(() => admin)

  step("is reached from the Marketing menu, adds an endpoint for the events picked, and shows its secret once", async () => {
    await admin.sidebarLink("Marketing").click()
    await admin.sidebarLink("Webhooks").click()
    await page.getByRole("heading", { name: "Webhooks" }).waitFor()
    expect(new URL(page.url()).pathname).toBe("/app/marketing/webhooks")
    await page.getByRole("button", { name: "Add endpoint" }).click()
    const drawer = page.getByRole("dialog", { name: "Add endpoint" })
    await drawer.getByRole("button", { name: "Add" }).click()
    await drawer.getByText("Enter the address that receives the events").waitFor()
    await drawer.getByText("Pick at least one event").waitFor()

    await drawer.getByLabel("URL").fill("http://shop.example.com/hooks")
    await drawer.getByRole("checkbox", { name: /Journey entered/ }).click()
    await drawer.getByLabel("Description").fill("CRM sync")
    await drawer.getByRole("button", { name: "Add" }).click()
    // The API's refusal, under the field it is about.
    await drawer.getByText(/must be an https URL/i).waitFor()

    await drawer.getByLabel("URL").fill(receiver.url)
    await drawer.getByRole("button", { name: "Add" }).click()
    const shown = page.getByRole("dialog", { name: "Signing secret" })
    secret = (await shown.getByTestId("webhook-secret").textContent())!.trim()
    expect(secret).toMatch(/^whsec_/)
    await page.screenshot({ path: artifact("secret.png") })
    await shown.getByRole("button", { name: "Done" }).click()
    await page.getByRole("heading", { name: receiver.url }).waitFor()
    await page.getByText("CRM sync").waitFor()
  })

  step("shows a delivery in the log once the event reached the endpoint, signed, and resends it", async () => {
    await admin.host.exec("./integration-tests/browser/fixtures/journey-entry.ts")
    // The host's own webhook job collects the entry and posts it.
    await eventually(async () => receiver.received.length, (count) => count === 1, 60_000)
    expectSignedWith(receiver.received[0], secret)
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: "journey.entered", data: { contact_id: "mcont_browser" } })

    await page.reload()
    const row = page.getByRole("row", { name: /Journey entered/ })
    await row.getByText("Delivered").waitFor()
    await row.getByText("HTTP 200").waitFor()
    await page.screenshot({ path: artifact("delivery-log.png") })

    await row.getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Resend" }).click()
    await page.getByText("Journey entered will be sent again").waitFor()
    await eventually(async () => receiver.received.length, (count) => count === 2, 60_000)
    expect(receiver.received[1].headers["x-marketing-delivery"]).toBe(receiver.received[0].headers["x-marketing-delivery"])
  })
})
