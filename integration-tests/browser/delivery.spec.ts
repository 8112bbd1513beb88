import { Page } from "playwright-core"
import type { AdminSession } from "../helpers/admin"
import { importContacts } from "../helpers/browser-contacts"
import { AdminBrowser, pageSteps, REQUEST_RETRIES, startAdminBrowser } from "../helpers/browser-host"
import { createScheduledCampaign, Sinks, startDeliverySinks } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "delivery-admin@marketing.test", password: "browser-password-1" }
/** The audience: reader0@example.com ("Reader0") and on, as createReachableContacts names them. */
const READERS = 4
const TEST_ADDRESS = "qa@marketing.test"

describe("Marketing › Campaign delivery in the admin", () => {
  let sinks: Sinks
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let campaign: { id: string; name: string }

  // Registered first: the sinks set MARKETING_OPTIONS_JSON, which the host reads from this process's
  // environment when it starts, so that the plugin sends to them.
  beforeAll(async () => {
    sinks = await startDeliverySinks()
  })

  beforeAll(async () => {
    admin = await startAdminBrowser("delivery", ADMIN)
    ;({ page, artifact } = admin)
    await admin.logIn()
    await importReaders()
    const api = await apiSession()
    campaign = await createScheduledCampaign(api, api.session)
    // The helper sets the send time a minute ahead, when the host's own job would send the campaign;
    // a day ahead, it goes out only when the test says "Send now".
    await api.post(
      `/admin/marketing/campaigns/${campaign.id}`,
      { scheduled_at: new Date(Date.now() + 86_400_000).toISOString() },
      api.session.headers
    )
  }, 240_000)

  afterAll(async () => {
    await admin?.stop()
    await sinks?.close()
  })

  const step = pageSteps(() => admin)

  step("previews the campaign for a contact picked by search", async () => {
    await page.goto(`${admin.host.url}/app/marketing/campaigns/${campaign.id}`)
    await page.getByRole("heading", { name: campaign.name }).waitFor()
    // Scheduled, not sent: nothing to deliver yet.
    await expect(page.getByRole("region", { name: "Delivery" }).count()).resolves.toBe(0)

    await page.getByRole("button", { name: "Preview" }).click()
    const preview = page.getByRole("dialog", { name: "Preview" })
    // No contact yet: the template's contact fields are empty.
    await preview.getByText("No contact chosen").waitFor()
    await expect(preview.getByTestId("preview-subject").textContent()).resolves.toBe("Hello")

    await preview.getByRole("combobox", { name: "Preview as" }).fill("reader2")
    // Every contact is listed at first (that list may arrive after the typing); the search narrows it once typing pauses.
    const option = preview.getByRole("option", { name: /Reader2/ })
    await option.waitFor()
    await expect(eventually(() => preview.getByRole("option").count(), (count) => count === 1)).resolves.toBe(1)
    await page.screenshot({ path: artifact("preview-contact-search.png") })
    await option.click()
    await preview.getByTestId("preview-subject").getByText("Hello Reader2").waitFor()
    await preview.frameLocator('iframe[title="Email preview"]').getByText("Hi Reader2").waitFor()
    await expect(preview.locator("iframe").getAttribute("sandbox")).resolves.toBe("")
    await page.screenshot({ path: artifact("preview.png") })
    await page.keyboard.press("Escape")
    await preview.waitFor({ state: "detached" })
  })

  step("sends a test through the provider and says how it went", async () => {
    await page.getByRole("button", { name: "Send test" }).click()
    const drawer = page.getByRole("dialog", { name: "Send test" })
    const address = drawer.getByLabel("Email address")

    // The server's answer, under the field it is about.
    await address.fill("not-an-address")
    await drawer.getByRole("button", { name: "Send", exact: true }).click()
    await drawer.getByText("'not-an-address' is not an email address").waitFor()

    await address.fill(TEST_ADDRESS)
    await drawer.getByRole("button", { name: "Send", exact: true }).click()
    await drawer.getByText(`Sent to ${TEST_ADDRESS} through sendgrid.`).waitFor()
    await page.screenshot({ path: artifact("send-test.png") })
    const received = sinks.sendgrid.messages()
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ to: TEST_ADDRESS, subject: "Hello" })
    await drawer.getByRole("button", { name: "Close", exact: true }).last().click()
    await drawer.waitFor({ state: "detached" })
  })

  step("sends the campaign now, and shows it go out to every reader", async () => {
    await page.getByRole("button", { name: "Send now" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`"${campaign.name}" goes out to its audience now`).waitFor()
    await prompt.getByRole("button", { name: "Send now" }).click()
    await page.getByText(`Sending to ${READERS} contacts`).waitFor()

    const delivery = page.getByRole("region", { name: "Delivery" })
    // Refreshed live until every message has left.
    await delivery.getByRole("progressbar", { name: "Delivery progress" }).and(page.locator('[aria-valuenow="100"]')).waitFor()
    await delivery.getByText(`${READERS} of ${READERS} sent`).waitFor()
    await expect(delivery.getByTestId("delivery-sent").textContent()).resolves.toBe(String(READERS))
    await expect(delivery.getByTestId("delivery-queued").textContent()).resolves.toBe("0")
    // The delivery workers mark it sent, and the page follows.
    const header = page.getByRole("heading", { name: campaign.name }).locator("xpath=..")
    await header.getByText("Sent", { exact: true }).waitFor()
    await expect(page.getByRole("button", { name: "Send now" }).count()).resolves.toBe(0)

    // The log lists every reader, and the test send with them.
    for (let i = 0; i < READERS; i++) {
      await page.getByRole("cell", { name: `reader${i}@example.com` }).waitFor()
    }
    await page.getByRole("row").filter({ hasText: TEST_ADDRESS }).getByText("Test", { exact: true }).waitFor()
    await delivery.screenshot({ path: artifact("delivery-section.png") })
    await page.getByRole("heading", { name: "Messages" }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact("message-log.png") })

    const sent = sinks.sendgrid.messages().filter((message: { to: string }) => message.to !== TEST_ADDRESS)
    expect(sent.map((message: { to: string }) => message.to).sort()).toEqual(
      Array.from({ length: READERS }, (_, i) => `reader${i}@example.com`)
    )
  })

  /** The audience: READERS contacts who may be emailed. */
  async function importReaders() {
    const rows = Array.from({ length: READERS }, (_, i) => `reader${i}@example.com,Reader${i},subscribed`)
    await importContacts(admin, ["email,first_name,email_consent", ...rows])
  }

  /**
   * The delivery helpers' `api` (axios-like: `post(url, body, config)` answers `{ data }`) and admin
   * session, over the browser's request context, logged in with a bearer token as the helpers expect.
   */
  async function apiSession() {
    const url = (path: string) => `${admin.host.url}${path}`
    const login = await page.request.post(url("/auth/user/emailpass"), { data: ADMIN, ...REQUEST_RETRIES })
    const { token } = await login.json()
    const headers = { authorization: `Bearer ${token}` }
    const me = await page.request.get(url("/admin/users/me"), { headers, ...REQUEST_RETRIES })
    const session: AdminSession = { user: (await me.json()).user, headers: { headers } }
    return {
      session,
      post: async (path: string, data: unknown, config = session.headers) => {
        const response = await page.request.post(url(path), { data, headers: config.headers, ...REQUEST_RETRIES })
        if (!response.ok()) throw new Error(`POST ${path} answered ${response.status()}: ${await response.text()}`)
        return { data: await response.json() }
      },
    }
  }
})
