import { Page } from "playwright-core"
import { AdminBrowser, startAdminBrowser } from "../helpers/browser-host"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "browser-admin@marketing.test", password: "browser-password-1" }

describe("Marketing › Campaigns in the admin", () => {
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let sidebarLink: AdminBrowser["sidebarLink"]

  beforeAll(async () => {
    admin = await startAdminBrowser("campaigns", ADMIN)
    ;({ page, artifact, sidebarLink } = admin)
  }, 240_000)

  afterAll(() => admin?.stop())

  it("creates a campaign through the form, finds it, and schedules it", async () => {
    try {
      await admin.logIn()
      // Another campaign, for the search to leave out.
      const other = await page.request.post(`${admin.host.url}/admin/marketing/campaigns`, {
        data: { name: "Autumn newsletter", channel: "email" },
      })
      expect(other.status()).toBe(200)
      await sidebarLink("Marketing").click()
      await sidebarLink("Campaigns").click()
      await page.getByRole("heading", { name: "Campaigns" }).waitFor()
      expect(new URL(page.url()).pathname).toBe("/app/marketing/campaigns")

      const name = `Spring sale ${Date.now()}`
      await createCampaign(name)
      await openFromList(name)
      const id = new URL(page.url()).pathname.split("/").pop()!

      // Not ready: a one-off campaign needs a send time, and the server says so.
      await page.getByRole("button", { name: "Schedule" }).click()
      await page.getByText(/scheduled_at: a one-off campaign needs a send time/).waitFor()

      const sendAt = { year: new Date().getUTCFullYear() + 1, month: 6, day: 15, hour: 10, minute: 30 }
      await setSendTime(sendAt)
      await page.getByRole("button", { name: "Schedule" }).click()
      const header = page.getByRole("heading", { name }).locator("xpath=..")
      await header.getByText("Scheduled", { exact: true }).waitFor()
      await page.screenshot({ path: artifact("campaign-detail.png") })

      const response = await page.request.get(`${admin.host.url}/admin/marketing/campaigns/${id}`)
      expect(response.status()).toBe(200)
      const { campaign } = await response.json()
      expect(campaign).toMatchObject({
        name,
        status: "scheduled",
        subject: "Spring is here",
        scheduled_at: new Date(Date.UTC(sendAt.year, sendAt.month - 1, sendAt.day, sendAt.hour, sendAt.minute)).toISOString(),
      })
    } catch (error) {
      await page.screenshot({ path: artifact("failure.png") }).catch(() => {})
      throw error
    }
  })

  async function createCampaign(name: string) {
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create campaign" })

    // Nothing typed yet: the form answers before asking the server.
    await form.getByRole("button", { name: "Save" }).click()
    await form.getByText("Enter a name").waitFor()
    await page.screenshot({ path: artifact("campaign-form-errors.png") })

    await form.getByLabel("Name").fill(name)
    await form.getByText("Enter a name").waitFor({ state: "detached" })
    await form.getByLabel("Subject").fill("Spring is here")
    await form.getByLabel("Message").fill("<p>Hello {{ first_name }}, spring is here.</p>")
    await form.getByRole("button", { name: "Save" }).click()
    // A new campaign opens on its own page.
    await page.getByRole("heading", { name }).waitFor()
  }

  async function openFromList(name: string) {
    await sidebarLink("Campaigns").click()
    await page.getByRole("cell", { name: "Autumn newsletter" }).waitFor()
    await page.getByPlaceholder("Search").fill(name)
    await page.getByRole("cell", { name: "Autumn newsletter" }).waitFor({ state: "detached" })
    const rows = page.locator("tbody tr")
    await expect(rows.count()).resolves.toBe(1)
    await page.screenshot({ path: artifact("campaign-list.png") })
    await rows.getByRole("cell", { name }).click()
    await page.getByRole("heading", { name }).waitFor()
  }

  /** Edits the campaign and types the send time into Medusa's date picker, one segment after another. */
  async function setSendTime({ year, month, day, hour, minute }: Record<string, number>) {
    await page.getByRole("button", { name: "Campaign actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const form = page.getByRole("dialog", { name: "Edit campaign" })
    const pad = (value: number) => String(value).padStart(2, "0")
    await form.getByRole("group", { name: "Send at" }).getByRole("spinbutton").first().click()
    await page.keyboard.type(`${pad(month)}${pad(day)}${year}${pad(hour)}${pad(minute)}A`)
    await form.getByRole("button", { name: "Save" }).click()
    await form.waitFor({ state: "detached" })
  }
})
