import { Page } from "playwright-core"
import { importContacts } from "../helpers/browser-contacts"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"
import { Sinks, startDeliverySinks } from "../helpers/delivery"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "browser-admin@marketing.test", password: "browser-password-1" }
const SEGMENT = { name: "Spring shoppers", handle: "spring-shoppers", dsl: "email CONTAINS '@spring.test'" }
/** In the segment: three who may be emailed, one who unsubscribed and one whose address is suppressed. */
const REACHABLE = 3
/** Gmail fetches a message's images when its reader opens it, through its image proxy. */
const GMAIL_IMAGE_PROXY = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"

describe("Marketing › Campaigns in the admin", () => {
  let sinks: Sinks
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let sidebarLink: AdminBrowser["sidebarLink"]
  const name = `Spring sale ${Date.now()}`
  let campaignId: string

  // Registered first: the host reads the sinks' MARKETING_OPTIONS_JSON from this process's environment when it starts.
  beforeAll(async () => {
    sinks = await startDeliverySinks()
  })

  beforeAll(async () => {
    admin = await startAdminBrowser("campaigns", ADMIN)
    ;({ page, artifact, sidebarLink } = admin)
    await admin.logIn()
    await importContacts(admin, [
      "email,first_name,email_consent",
      ...Array.from({ length: REACHABLE }, (_, i) => `shopper${i}@spring.test,Shopper${i},subscribed`),
      "gone@spring.test,Gone,unsubscribed",
      "bounced@spring.test,Bounced,subscribed",
    ])
    await admin.api("POST", "/admin/marketing/suppressions", { channel: "email", address: "bounced@spring.test", reason: "manual" })
    await admin.api("POST", "/admin/marketing/segments", SEGMENT)
    // Another campaign, for the search to leave out, made before campaigns had an audience in the admin.
    await admin.api("POST", "/admin/marketing/campaigns", { name: "Autumn newsletter", channel: "email" })
  }, 240_000)

  afterAll(async () => {
    await admin?.stop()
    await sinks?.close()
  })

  const step = pageSteps(() => admin)

  step("says why a campaign without an audience cannot be scheduled", async () => {
    await sidebarLink("Marketing").click()
    await sidebarLink("Campaigns").click()
    await page.getByRole("heading", { name: "Campaigns" }).waitFor()
    expect(new URL(page.url()).pathname).toBe("/app/marketing/campaigns")
    await page.getByRole("cell", { name: "Autumn newsletter" }).click()
    await page.getByRole("heading", { name: "Autumn newsletter" }).waitFor()

    await page.getByRole("region", { name: "Audience" }).getByText("None yet").waitFor()
    const reason = "It needs an audience to be scheduled or sent: edit it and pick a segment."
    const schedule = page.getByRole("button", { name: "Schedule" })
    await expect(schedule.isDisabled()).resolves.toBe(true)
    await expect(schedule.getAttribute("aria-describedby").then((id) => page.locator(`[id="${id}"]`).textContent())).resolves.toBe(reason)
    await page.screenshot({ path: artifact("campaign-without-audience.png") })
  })

  step("creates a campaign through the form, its audience picked by name and counted as the channel reaches it", async () => {
    await sidebarLink("Campaigns").click()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create campaign" })

    // Nothing typed yet: the form answers before asking the server.
    await form.getByRole("button", { name: "Save" }).click()
    await form.getByText("Enter a name").waitFor()
    await page.screenshot({ path: artifact("campaign-form-errors.png") })

    await form.getByLabel("Name").fill(name)
    await form.getByText("Enter a name").waitFor({ state: "detached" })
    await form.getByRole("combobox", { name: "Audience" }).fill("spring")
    await form.getByRole("option", { name: SEGMENT.name }).click()
    await form.getByRole("button", { name: `Remove ${SEGMENT.name}` }).waitFor()
    // The unsubscribed and the suppressed contacts are left out.
    const count = (text: string) => form.getByTestId("reachable-count").filter({ hasText: text }).waitFor()
    await count(`${REACHABLE} contacts reachable by email`)
    // No one agreed to texts: on SMS, the same segment reaches no one.
    await form.getByRole("combobox", { name: "Channel" }).click()
    await page.getByRole("option", { name: "SMS" }).click()
    await count("0 contacts reachable by SMS")
    await form.getByRole("combobox", { name: "Channel" }).click()
    await page.getByRole("option", { name: "Email" }).click()
    await count(`${REACHABLE} contacts reachable by email`)
    await page.screenshot({ path: artifact("campaign-form-audience.png") })

    await form.getByLabel("Subject").fill("Spring is here")
    await form.getByRole("button", { name: "Edit as HTML" }).click()
    await form.getByLabel("Message").fill(`<p>Hello {{ contact.first_name }}, spring is here.</p><a href="https://shop.example.com/spring">Shop</a>`)
    await form.getByRole("button", { name: "Save" }).click()
    // A new campaign opens on its own page, with its audience.
    await page.getByRole("heading", { name }).waitFor()
    campaignId = new URL(page.url()).pathname.split("/").pop()!
    const audience = page.getByRole("region", { name: "Audience" })
    await audience.getByRole("link", { name: SEGMENT.name }).waitFor()
    await audience.getByText(`${REACHABLE} contacts reachable by email`).waitFor()
    await openFromList()
  })

  step("schedules it once it has a send time", async () => {
    // Not ready: a one-off campaign needs a send time, and the server says so.
    await page.getByRole("button", { name: "Schedule" }).click()
    await page.getByText(/scheduled_at: a one-off campaign needs a send time/).waitFor()

    const sendAt = { year: new Date().getUTCFullYear() + 1, month: 6, day: 15, hour: 10, minute: 30 }
    await setSendTime(sendAt)
    await page.getByRole("button", { name: "Schedule" }).click()
    await header().getByText("Scheduled", { exact: true }).waitFor()
    await page.screenshot({ path: artifact("campaign-detail.png") })

    const { campaign } = await admin.api("GET", `/admin/marketing/campaigns/${campaignId}`)
    expect(campaign).toMatchObject({
      name,
      status: "scheduled",
      subject: "Spring is here",
      segment_id: expect.stringMatching(/^mseg_/),
      scheduled_at: new Date(Date.UTC(sendAt.year, sendAt.month - 1, sendAt.day, sendAt.hour, sendAt.minute)).toISOString(),
    })
  })

  step("sends it now to as many contacts as it says, and follows its delivery and opens live", async () => {
    const schedule = page.getByRole("region", { name: "Schedule" })
    const sendAt = await schedule.getByText(String(new Date().getUTCFullYear() + 1)).textContent()
    await page.getByRole("button", { name: "Send now" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Send to ${REACHABLE} contacts by email?`, { exact: true }).waitFor()
    await page.screenshot({ path: artifact("send-now-confirmation.png") })
    await prompt.getByRole("button", { name: "Send now" }).click()
    await page.getByText(`Sending to ${REACHABLE} contacts`).waitFor()

    // The Schedule card tells when it went out: now, not the send time it no longer waits for.
    const today = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date())
    await schedule.getByText("Sent at").waitFor()
    await schedule.getByText(today, { exact: false }).waitFor()
    await expect(schedule.getByText(sendAt!).count()).resolves.toBe(0)

    // Refreshed without a reload while messages go out, and after, while people open them.
    const delivery = page.getByRole("region", { name: "Delivery" })
    await delivery.getByText(`${REACHABLE} of ${REACHABLE} sent`).waitFor()
    await header().getByText("Sent", { exact: true }).waitFor()
    await expect(delivery.getByTestId("funnel-opened").textContent()).resolves.toBe("0")
    const email = sinks.sendgrid.messages().find((message: { to: string }) => message.to === "shopper0@spring.test")
    const pixel = new URL(email.html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1])
    const open = await fetch(`${admin.host.url}${pixel.pathname}`, { headers: { "user-agent": GMAIL_IMAGE_PROXY } })
    expect(open.status).toBe(200)
    await delivery.getByTestId("funnel-opened").filter({ hasText: /^1$/ }).waitFor({ timeout: 30_000 })
    await delivery.screenshot({ path: artifact("delivery-after-open.png") })
    expect(sinks.sendgrid.messages().map((message: { to: string }) => message.to).sort()).toEqual(
      Array.from({ length: REACHABLE }, (_, i) => `shopper${i}@spring.test`)
    )
  })

  step("builds a recurring schedule in words (weekdays, a time, a searched timezone), and duplicates the campaign", async () => {
    const weekly = `Weekly digest ${Date.now()}`
    await sidebarLink("Campaigns").click()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create campaign" })
    await form.getByLabel("Name").fill(weekly)
    await form.getByRole("radio", { name: /Recurring/ }).click()
    // The builder starts from a weekly Monday send, and reads it back as it will be listed.
    const summary = form.getByRole("group", { name: "Schedule summary" })
    await summary.getByText("Every Monday at 09:00").waitFor()
    await form.getByRole("checkbox", { name: "Wednesday" }).click()
    await form.getByLabel("At", { exact: true }).fill("18:30")
    await form.getByRole("combobox", { name: "Timezone" }).fill("berl")
    await form.getByRole("option", { name: "Europe/Berlin" }).click()
    await summary.getByText("Every Monday and Wednesday at 18:30 (Berlin)").waitFor()
    await expect(summary.getByText(/^Next: .+ · .+ · .+$/).count()).resolves.toBe(1)
    await page.screenshot({ path: artifact("campaign-recurrence-builder.png") })

    // The escape hatch shows the cron the builder wrote, for experts to change.
    await form.getByRole("switch", { name: "Write a custom cron expression" }).click()
    const cron = form.getByRole("textbox", { name: "Cron expression" })
    await expect(cron.inputValue()).resolves.toBe("30 18 * * 1,3")
    await cron.fill("0 8 * * 1-5")
    await summary.getByText("At 08:00, Monday through Friday (Berlin)").waitFor()
    await form.getByRole("button", { name: "Save" }).click()

    await page.getByRole("heading", { name: weekly }).waitFor()
    const schedule = page.getByRole("region", { name: "Schedule" })
    await schedule.getByText("At 08:00, Monday through Friday (Berlin)").waitFor()
    await expect(schedule.locator("li").count()).resolves.toBe(3)
    const { campaign } = await admin.api("GET", `/admin/marketing/campaigns/${new URL(page.url()).pathname.split("/").pop()}`)
    expect(campaign).toMatchObject({ schedule_cron: "0 8 * * 1-5", schedule_timezone: "Europe/Berlin" })

    // Duplicate opens a draft copy, with the same schedule.
    await page.getByRole("button", { name: "Campaign actions" }).click()
    await page.getByRole("menuitem", { name: "Duplicate" }).click()
    await page.getByRole("heading", { name: `${weekly} (copy)` }).waitFor()
    expect(new URL(page.url()).pathname).not.toContain(campaign.id)
    await page.getByRole("heading", { name: `${weekly} (copy)` }).locator("xpath=..").getByText("Draft", { exact: true }).waitFor()
    await schedule.getByText("At 08:00, Monday through Friday (Berlin)").waitFor()
    await page.screenshot({ path: artifact("campaign-duplicate.png") })
  })

  const header = () => page.getByRole("heading", { name }).locator("xpath=..")

  async function openFromList() {
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
    // The picked audience is still there when the campaign is edited.
    await form.getByRole("button", { name: `Remove ${SEGMENT.name}` }).waitFor()
    const pad = (value: number) => String(value).padStart(2, "0")
    await form.getByRole("group", { name: "Send at" }).getByRole("spinbutton").first().click()
    await page.keyboard.type(`${pad(month)}${pad(day)}${year}${pad(hour)}${pad(minute)}A`)
    await form.getByRole("button", { name: "Save" }).click()
    await form.waitFor({ state: "detached" })
  }
})
