import fs from "node:fs"
import path from "node:path"
import { Browser, BrowserContext, chromium, Page } from "playwright-core"
import { BrowserHost, findExecutable, startBrowserHost } from "../helpers/browser-host"

// The first visit compiles the admin with Vite; measured at ~10s on a warm cache, a cold one takes longer.
const ADMIN_LOAD_TIMEOUT = 120_000
jest.setTimeout(90_000)

const ADMIN = { email: "browser-admin@marketing.test", password: "browser-password-1" }
const ARTIFACTS = path.join(__dirname, "artifacts")
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
]

/** Screenshots and the server log stay in artifacts/ (git-ignored) for a person to look at. */
const artifact = (name: string) => path.join(ARTIFACTS, name)

describe("Marketing › Campaigns in the admin", () => {
  let host: BrowserHost | undefined
  let serverLog: fs.WriteStream | undefined
  let browser: Browser | undefined
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    const executablePath = findExecutable("chromium")
    if (!executablePath) {
      throw new Error("Chromium is not installed: the browser tests need it. Install it with `apt-get install chromium`.")
    }
    // Emptied first, so that nothing left from an earlier run (e.g. failure.png) is taken for this one's.
    fs.rmSync(ARTIFACTS, { recursive: true, force: true })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    serverLog = fs.createWriteStream(artifact("medusa.log"))
    host = await startBrowserHost({ admin: ADMIN, log: (chunk) => serverLog?.write(chunk) })
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS })
    // Fixed locale and timezone: the send time is typed into a date field laid out for the locale, and
    // read back from the API in UTC.
    context = await browser.newContext({ locale: "en-US", timezoneId: "UTC", viewport: { width: 1440, height: 900 } })
    // The admin comes from Vite's dev server, whose HMR socket reloads the page whenever the files it
    // serves are written, e.g. by another Medusa process started in the same checkout. A reload in the
    // middle would lose the test's place, so the socket is answered here and never told anything.
    await context.routeWebSocket(/.*/, () => {})
    page = await context.newPage()
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    serverLog?.end()
  })

  it("creates a campaign through the form, finds it, and schedules it", async () => {
    try {
      await logIn()
      // Another campaign, for the search to leave out.
      const other = await page.request.post(`${host!.url}/admin/marketing/campaigns`, {
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

      const response = await page.request.get(`${host!.url}/admin/marketing/campaigns/${id}`)
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

  const sidebarLink = (name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true })

  async function logIn() {
    await page.goto(`${host!.url}/app/login`, { timeout: ADMIN_LOAD_TIMEOUT })
    await page.getByPlaceholder("Email").fill(ADMIN.email, { timeout: ADMIN_LOAD_TIMEOUT })
    await page.getByPlaceholder("Password").fill(ADMIN.password)
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"))
  }

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
