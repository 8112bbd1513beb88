import { instrumentHtml, listUnsubscribeHeaders } from "../instrument-html"
import { MessageComposer, templateVariables, trackingUrls } from "../compose-message"
import { personal } from "../personal-content"
import { renderEmail } from "../render-template"
import { trackedPlainText } from "../tracked-text"
import { trackingToken } from "../tracking-token"

const options = { publicUrl: "https://shop.example", secret: "s".repeat(32), now: Date.parse("2026-06-01T00:00:00Z") }
const campaign = { name: "Summer", subject: "Hello {{ contact.first_name }}" }
const message = (n: number) => ({ id: `mmsg_${String(n).padStart(26, "0")}`, idempotency_key: `k${n}`, channel: "email" as const, to: `r${n}@example.com` })

/** What one message gets when everything is done for it alone, with its own token throughout. */
function composedAlone(n: number, body: string, subject: string, contact: Record<string, unknown>) {
  const token = trackingToken(message(n).id, options.secret, options.now)
  const urls = trackingUrls(options.publicUrl, token)
  const rendered = renderEmail({ subject, html: body }, { ...templateVariables(contact, campaign), unsubscribe_url: urls.unsubscribe })
  const tracked = instrumentHtml(rendered.html, { clickUrl: urls.click, openPixelUrl: urls.open, unsubscribeUrl: urls.unsubscribe })
  return {
    subject: rendered.subject,
    html: tracked.html,
    text: trackedPlainText(tracked.html, tracked.links, urls.click),
    headers: listUnsubscribeHeaders(urls.unsubscribe),
    links: tracked.links,
  }
}

// Long enough lines that the text part wraps next to the unsubscribe link, where a token of another length would wrap differently.
const SHARED = `<html><body><p>${"Summer words ".repeat(12)}<a href="{{ unsubscribe_url }}">Leave this list</a> ${"more words ".repeat(8)}</p>
<p><a href="https://shop.example/sale?a=1&amp;b=2">Sale</a> and <a href="https://shop.example/new">new</a></p></body></html>`
const PERSONAL = `<html><body><p>Hi {{ contact.first_name }},</p><a href="https://shop.example/u?e={{ contact.email | url_encode }}">you</a></body></html>`

describe("MessageComposer", () => {
  it.each([
    ["shared content", SHARED, "Summer sale"],
    ["personal content", PERSONAL, campaign.subject],
    ["content without an unsubscribe link", "<p>No way out written</p>", "Plain"],
  ])("composes %s exactly as one message composed alone, each with its own token", (_, body, subject) => {
    const composer = new MessageComposer(options)
    for (const n of [1, 2, 3]) {
      const contact = { id: `mcon_${n}`, email: `r${n}@example.com`, first_name: `Name${n}` }
      const { outgoing, links } = composer.compose(message(n), { subject, body }, templateVariables(contact, campaign))
      const alone = composedAlone(n, body, subject, contact)
      const { content } = outgoing
      const own = { subject: personal(outgoing, content.subject), html: personal(outgoing, content.html), text: personal(outgoing, content.text) }
      expect({ ...own, headers: outgoing.headers, links }).toEqual(alone)
      expect(outgoing.tracking_token).toBe(trackingToken(message(n).id, options.secret, options.now))
    }
  })

  it("gives messages rendered alike one content object, holding a stand-in of the token as its tag", () => {
    const composer = new MessageComposer(options)
    const compose = (n: number, body: string, subject = "Summer sale") =>
      composer.compose(message(n), { subject, body }, templateVariables({ email: `r${n}@example.com`, first_name: `Name${n}` }, campaign)).outgoing
    const [first, second] = [compose(1, SHARED), compose(2, SHARED)]
    expect(first.content).toBe(second.content)
    expect(first.content.tag).toMatch(/^[0-9a-f]+$/)
    expect(first.content.tag).toHaveLength(first.tracking_token!.length)
    expect(first.content.html).toContain(first.content.tag)
    expect(first.content.html).not.toContain(first.tracking_token)
    expect(compose(3, SHARED, "Last chance").content).not.toBe(first.content)
    expect(compose(4, PERSONAL).content).not.toBe(compose(5, PERSONAL).content)
  })

  it("prints a journey message's entering event properties as event.<key>, each message its own event's, a campaign's none", () => {
    const composer = new MessageComposer(options)
    const body = `<p>Back in stock: <a href="{{ event.url }}">{{ event.product_title }}</a>{% if event.colour %} in {{ event.colour }}{% endif %}</p>`
    const html = (n: number, event: Record<string, unknown> | null) => {
      const { outgoing } = composer.compose(message(n), { subject: "{{ event.product_title }}", body }, templateVariables({}, campaign, null, event))
      return { subject: outgoing.content.subject, html: personal(outgoing, outgoing.content.html)! }
    }
    const linen = html(1, { product_title: "Linen shirt", url: "https://shop.example/p/linen", colour: "sand" })
    expect(linen.subject).toBe("Linen shirt")
    expect(linen.html).toContain("Linen shirt</a> in sand")
    const wool = html(2, { product_title: "Wool coat", url: "https://shop.example/p/wool" })
    expect(wool.subject).toBe("Wool coat")
    expect(wool.html).toContain("Wool coat</a></p>")
    expect(wool.html).not.toContain("Linen")
    const campaignMessage = html(3, null)
    expect(campaignMessage.subject).toBe("")
    expect(campaignMessage.html).toContain("Back in stock: <a")
  })

  it("gives an SMS its own content, with its token written in", () => {
    const composer = new MessageComposer(options)
    const sms = { ...message(1), channel: "sms" as const, to: "+14155550100" }
    const { outgoing } = composer.compose(sms, { subject: null, body: "Sale! Stop: {{ unsubscribe_url }}" }, templateVariables({}, campaign))
    expect(outgoing.content).toEqual({ subject: undefined, text: `Sale! Stop: ${trackingUrls(options.publicUrl, outgoing.tracking_token!).unsubscribe}` })
  })

  it("links the text part through the HTML part's click URLs, and prints no recorded destination", () => {
    const body = `<p>${"Words to wrap ".repeat(10)}<a href="https://shop.example/sale?a=1&amp;b=2">the sale</a></p>
<p>Or go to <a href="https://shop.example/new">https://shop.example/new</a>.</p>
<p><a href="https://shop.example/raw" data-no-track>untracked</a></p>`
    const composer = new MessageComposer(options)
    const { outgoing, links } = composer.compose(message(1), { subject: "s", body }, templateVariables({}, campaign))
    // The text part wraps at 80 characters, where depends on the token's length: lines are joined here.
    const text = personal(outgoing, outgoing.content.text)!.replace(/\s*\n\s*/g, " ")
    const urls = trackingUrls(options.publicUrl, outgoing.tracking_token!)
    expect(links.map((link) => link.url)).toEqual(["https://shop.example/sale?a=1&b=2", "https://shop.example/new"])
    expect(text).toContain(`the sale [${urls.click(0)}]`)
    expect(text).toContain(`Or go to ${urls.click(1)}.`)
    expect(text).toContain("untracked [https://shop.example/raw]")
    expect(text).toContain(`Unsubscribe [${urls.unsubscribe}]`)
    expect(text).not.toMatch(/shop\.example\/(sale|new)/)
    expect(text).not.toContain(urls.open)
  })

  it("gives messages of the same content the same list of links, and personal links their own", () => {
    const composer = new MessageComposer(options)
    const compose = (n: number, body: string) =>
      composer.compose(message(n), { subject: "s", body }, templateVariables({ email: `r${n}@example.com` }, campaign)).links
    expect(compose(1, SHARED)).toBe(compose(2, SHARED))
    expect(compose(1, PERSONAL)).not.toEqual(compose(2, PERSONAL))
  })
})
