import { Page } from "playwright-core"
import { AdminBrowser, pageSteps, startAdminBrowser } from "../helpers/browser-host"

// Setup boots a Medusa host and compiles the admin; on a fresh clone that takes minutes, not seconds.
jest.setTimeout(300_000)

const ADMIN = { email: "content-admin@marketing.test", password: "content-password-1" }
const PRODUCT = "Linen shirt"

describe("Marketing › Campaign content in the admin", () => {
  let admin: AdminBrowser
  let page: Page
  let artifact: AdminBrowser["artifact"]
  let sidebarLink: AdminBrowser["sidebarLink"]
  const name = `Spring blocks ${Date.now()}`
  const template = `Spring template ${Date.now()}`

  // Generous: on a machine shared by many test runs, booting the host and compiling the admin alone took 4 minutes.
  beforeAll(async () => {
    admin = await startAdminBrowser("campaign-content", ADMIN)
    ;({ page, artifact, sidebarLink } = admin)
    await admin.logIn()
    await admin.api("POST", "/admin/products", {
      title: PRODUCT,
      handle: "linen-shirt",
      status: "published",
      options: [{ title: "Size", values: ["M"] }],
      variants: [{ title: "M", options: { Size: "M" }, prices: [{ currency_code: "eur", amount: 49 }] }],
    })
  }, 600_000)

  afterAll(async () => {
    await admin?.stop()
  })

  const step = pageSteps(() => admin)

  step("composes an email of blocks with merge tags and a product from the catalogue, and shows it rendered", async () => {
    await sidebarLink("Marketing").click()
    await sidebarLink("Campaigns").click()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create campaign" })
    await form.getByLabel("Name").fill(name)
    // The subject's merge tag goes where the cursor is: after the typed text.
    await form.getByLabel("Subject").fill("Spring is here, ")
    await form.getByRole("button", { name: "Insert merge tag" }).first().click()
    await page.getByRole("menuitem", { name: /First name/ }).click()
    await expect(form.getByLabel("Subject").inputValue()).resolves.toBe("Spring is here, {{ contact.first_name }}")

    const block = (label: string) => form.getByRole("group", { name: label })
    await form.getByRole("button", { name: "Add heading" }).click()
    await block("Block 1: Heading").getByLabel("Heading text").fill("The spring range is in")
    await form.getByRole("button", { name: "Add text" }).click()
    await block("Block 2: Text").getByLabel("Text").fill("Hello ")
    await block("Block 2: Text").getByRole("button", { name: "Insert merge tag" }).click()
    await page.getByRole("menuitem", { name: /First name/ }).click()
    await form.getByRole("button", { name: "Add products" }).click()
    await block("Block 3: Products").getByRole("combobox", { name: "Add product" }).fill("linen")
    await form.getByRole("option", { name: PRODUCT }).click()
    await block("Block 3: Products").getByRole("button", { name: `Remove ${PRODUCT}` }).waitFor()
    await form.getByRole("button", { name: "Add promotion code" }).click()
    await form.getByRole("button", { name: "Add button" }).click()
    await block("Block 5: Button").getByLabel("Button label").fill("Shop the range")
    await block("Block 5: Button").getByLabel("Button URL").fill("https://shop.example.com/spring")
    await form.getByRole("button", { name: "Add footer" }).click()
    // The heading moves below the text, and back.
    await block("Block 1: Heading").getByRole("button", { name: "Move block 1 down" }).click()
    await expect(block("Block 2: Heading").getByLabel("Heading text").inputValue()).resolves.toBe("The spring range is in")
    await block("Block 2: Heading").getByRole("button", { name: "Move block 2 up" }).click()

    // The draft is compiled in the browser as it is composed, merge tags as written.
    const draft = form.frameLocator('iframe[title="Email draft preview"]')
    await draft.getByText("Hello {{ contact.first_name }}").waitFor()
    await draft.getByText(PRODUCT).waitFor()
    await page.screenshot({ path: artifact("block-editor.png") })
    await form.getByRole("button", { name: "Save" }).click()

    // The page shows the email rendered for a sample contact: subject and HTML, not their source.
    await page.getByRole("heading", { name }).waitFor()
    const content = page.getByRole("region", { name: "Content" })
    await content.getByTestId("content-subject").filter({ hasText: "Spring is here, Alex" }).waitFor()
    const rendered = content.frameLocator('iframe[title="Email content"]')
    await rendered.getByText("Hello Alex").waitFor()
    await rendered.getByText("SAMPLE-CODE").waitFor()
    await rendered.getByText("Unsubscribe").waitFor()
    await expect(content.locator("iframe").getAttribute("sandbox")).resolves.toBe("")
    await page.screenshot({ path: artifact("campaign-content-rendered.png") })

    const { campaign } = await admin.api("GET", `/admin/marketing/campaigns/${new URL(page.url()).pathname.split("/").pop()}`)
    expect(campaign.blocks.map((block: { type: string }) => block.type)).toEqual(["heading", "text", "products", "code", "button", "footer"])
    expect(campaign.blocks[2].products).toEqual([expect.objectContaining({ title: PRODUCT, handle: "linen-shirt" })])
    expect(campaign.body).toContain("Hello {{ contact.first_name }}")
  })

  step("saves the content as a template, and starts a new campaign from it", async () => {
    await page.getByRole("region", { name: "Content" }).getByRole("button", { name: "Save as template" }).click()
    const drawer = page.getByRole("dialog", { name: "Save as template" })
    await drawer.getByLabel("Template name").fill(template)
    await drawer.getByRole("button", { name: "Save template" }).click()
    await page.getByText(`Template "${template}" was saved`).waitFor()

    await sidebarLink("Campaigns").click()
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByRole("dialog", { name: "Create campaign" })
    await form.getByLabel("Name").fill(`${name} again`)
    await form.getByRole("combobox", { name: "Start from a template" }).click()
    // The starters ship with the plugin; saved templates follow them.
    await page.getByRole("option", { name: "Promotion announcement with code" }).waitFor()
    await page.getByRole("option", { name: template }).click()
    await expect(form.getByLabel("Subject").inputValue()).resolves.toBe("Spring is here, {{ contact.first_name }}")
    await expect(form.getByRole("group", { name: "Block 1: Heading" }).getByLabel("Heading text").inputValue()).resolves.toBe(
      "The spring range is in"
    )
    await form.getByRole("button", { name: "Save" }).click()

    await page.getByRole("heading", { name: `${name} again` }).waitFor()
    const content = page.getByRole("region", { name: "Content" })
    await content.frameLocator('iframe[title="Email content"]').getByText("Hello Alex").waitFor()

    // The code view holds the HTML the blocks make, for those who want to write it.
    await page.getByRole("button", { name: "Campaign actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const edit = page.getByRole("dialog", { name: "Edit campaign" })
    await edit.getByRole("button", { name: "Edit as HTML" }).click()
    await expect(edit.getByLabel("Message").inputValue()).resolves.toMatch(/^<!doctype html>/i)
    await page.screenshot({ path: artifact("code-view.png") })
  })

})
