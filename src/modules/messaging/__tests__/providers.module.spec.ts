import { createHmac } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { startSendGridServer, startSesServer, startSmtpSink, startTwilioServer, startWebInbox } from "../../../../demo/sinks"
import type { DeliveryProvider, OutgoingMessage, RenderedContent, SendOutcome } from "../../../types/messaging/providers"
import { personal } from "../lib/personal-content"
import { BUILT_IN_PROVIDERS } from "../providers"
import { messageIdFor } from "../../../providers/smtp/service"
import { campaignContent, campaignEmail, refusedPort, SHOP, TAG, tokenOf } from "./outgoing-messages"

jest.setTimeout(30_000)

/** One campaign's content: its emails share this object, as the ones a composer renders alike do. */
const CAMPAIGN = campaignContent()

const email = (index: number, overrides: Partial<OutgoingMessage> = {}) => campaignEmail(index, CAMPAIGN, overrides)

/** What the recipient of `message` should read: the content with the message's own token. */
const own = (message: OutgoingMessage) => ({
  subject: personal(message, message.content.subject),
  html: personal(message, message.content.html),
  text: personal(message, message.content.text),
})

function sms(index: number, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: `mmsg_sms_${index}`,
    idempotency_key: `mcamp_2:mcon_${index}:sms:0`,
    channel: "sms",
    to: `+1415555${String(1000 + index)}`,
    content: { text: `Spring sale: 20% off today. ${SHOP}/t/tok${index}` },
    ...overrides,
  }
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index)

/** The built-in provider a channel's options name, made as the messaging module's loader makes it. */
function createProvider(channel: "email" | "sms" | "push", { provider, ...options }: { provider: string } & Record<string, unknown>) {
  const [ProviderService] = BUILT_IN_PROVIDERS[channel][provider].services
  return new ProviderService({}, options) as DeliveryProvider
}

const statuses = (outcomes: SendOutcome[]) => [...new Set(outcomes.map((outcome) => outcome.status))]

describe("SendGridProvider against the local SendGrid API", () => {
  const API_KEY = "SG.test-key"
  let server: Awaited<ReturnType<typeof startSendGridServer>>
  let provider: DeliveryProvider

  beforeAll(async () => {
    server = await startSendGridServer({ apiKey: API_KEY })
    provider = createProvider("email", {
      provider: "sendgrid",
      api_key: API_KEY,
      from: { email: "news@shop.example.com", name: "Shop" },
      base_url: server.url,
    })
  })
  afterEach(() => server.reset())
  afterAll(() => server.close())

  it("sends 2,500 messages that differ only by their tracking token in 3 requests", async () => {
    const messages = range(2500).map((index) => email(index))
    const outcomes = await provider.send(messages)

    const sizes = server.requests.map((request) => request.body.personalizations!.length)
    expect(sizes.sort((a, b) => b - a)).toEqual([1000, 1000, 500])
    const deliveries = server.messages()
    const byRecipient = new Map(deliveries.map((delivery) => [delivery.to, delivery]))
    expect(byRecipient.size).toBe(2500)
    for (const message of messages) {
      const delivery = byRecipient.get(message.to)!
      expect(delivery).toMatchObject({
        from: "news@shop.example.com",
        ...own(message),
        headers: message.headers,
        custom_args: { marketing_message_id: message.id, idempotency_key: message.idempotency_key },
      })
    }
    // Each message carries the X-Message-Id of the request it went out in.
    const requestIdOf = new Map(
      deliveries.map((delivery) => [delivery.custom_args.marketing_message_id, delivery.message_id])
    )
    expect(new Set(requestIdOf.values()).size).toBe(3)
    expect(outcomes).toEqual(
      messages.map((message) => ({ id: message.id, status: "sent", provider_message_id: requestIdOf.get(message.id) }))
    )
  })

  it("puts the substitution tag, not any token, in the shared content", async () => {
    await provider.send([email(1), email(2)])
    const [request] = server.requests
    expect(server.requests).toHaveLength(1)
    // Each token appears once: in its own personalization's substitutions.
    expect(request.rawBody.split(tokenOf(1))).toHaveLength(2)
    expect(request.rawBody).not.toContain(TAG)
    // SendGrid must not rewrite the links the plugin tracks itself.
    expect(JSON.parse(request.rawBody).tracking_settings).toEqual({
      click_tracking: { enable: false, enable_text: false },
      open_tracking: { enable: false },
    })
    expect(request.body.content).toEqual([
      { type: "text/plain", value: `Hello. Shop now: ${SHOP}/t/%mk_token%` },
      {
        type: "text/html",
        value: `<p>Hello</p><a href="${SHOP}/t/%mk_token%">Shop now</a><img src="${SHOP}/o/%mk_token%.gif">`,
      },
    ])
    expect(request.body.personalizations![1]).toEqual({
      to: [{ email: "shopper2@example.com" }],
      substitutions: { "%mk_token%": tokenOf(2) },
      custom_args: { marketing_message_id: "mmsg_2", idempotency_key: "mcamp_1:mcon_2:email:0" },
      headers: email(2).headers,
    })
  })

  it("sends each content in its own requests, substituting only in a content that has a tag", async () => {
    const lastChance = campaignContent({ subject: "Last chance" })
    // Without a tag, the content is sent as it is: what looks like a substitution stays.
    const plain = { subject: "News", text: "No links here, 100%mk_token% sure" }
    const untracked = (index: number) => email(index, { content: plain, tracking_token: undefined })
    await provider.send([email(1), email(2, { content: lastChance }), email(3), untracked(4), untracked(5)])
    const sizes = server.requests.map((request) => request.body.personalizations!.length)
    expect(sizes.sort((a, b) => a - b)).toEqual([1, 2, 2])
    const delivered = (to: string) => server.messages().find((delivery) => delivery.to === to)
    expect(delivered("shopper2@example.com")).toMatchObject({ subject: "Last chance", html: own(email(2)).html })
    expect(delivered("shopper4@example.com")).toMatchObject({ text: plain.text, html: undefined })
  })

  it("reports a 400 as failed with SendGrid's own error message", async () => {
    const noSubject = campaignContent({ subject: undefined })
    const outcomes = await provider.send([email(1, { content: noSubject }), email(2, { content: noSubject })])
    expect(outcomes).toEqual(
      ["mmsg_1", "mmsg_2"].map((id) => ({
        id,
        status: "failed",
        reason: expect.stringContaining("The subject is required."),
      }))
    )
    expect(outcomes[0].status === "failed" && outcomes[0].reason).toContain("(subject)")
  })

  it("retries a whole request refused with 429, after the Retry-After delay", async () => {
    server.failNext(1, 429, { retryAfter: 7 })
    const outcomes = await provider.send([email(1), email(2)])
    expect(outcomes).toEqual(
      ["mmsg_1", "mmsg_2"].map((id) => ({ id, status: "retry", reason: "HTTP 429: too many requests", retry_after_ms: 7000 }))
    )
  })

  it("retries on a 500 and fails on a refused API key", async () => {
    server.failNext(1, 500)
    expect(await provider.send([email(1)])).toEqual([{ id: "mmsg_1", status: "retry", reason: "HTTP 500: internal error" }])

    const wrongKey = createProvider("email", {
      provider: "sendgrid",
      api_key: "SG.wrong",
      from: "news@shop.example.com",
      base_url: server.url,
    })
    expect(await wrongKey.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "failed", reason: "HTTP 401: The provided authorization grant is invalid, expired, or revoked" },
    ])
  })

  it("retries when the API cannot be reached", async () => {
    const unreachable = createProvider("email", {
      provider: "sendgrid",
      api_key: API_KEY,
      from: "news@shop.example.com",
      base_url: `http://127.0.0.1:${await refusedPort()}`,
    })
    const [outcome] = await unreachable.send([email(1)])
    expect(outcome).toMatchObject({ id: "mmsg_1", status: "retry", reason: expect.stringContaining("ECONNREFUSED") })
  })

  it("keeps two configurations apart (no shared SDK singleton)", async () => {
    const other = await startSendGridServer({ apiKey: "SG.other-key" })
    try {
      const second = createProvider("email", {
        provider: "sendgrid",
        api_key: "SG.other-key",
        from: "hello@other.example.com",
        base_url: other.url,
      })
      await Promise.all([provider.send([email(1)]), second.send([email(2)])])
      const senderAndRecipient = ({ from, to }: { from: string; to: string }) => [from, to]
      expect(server.messages().map(senderAndRecipient)).toEqual([["news@shop.example.com", "shopper1@example.com"]])
      expect(other.messages().map(senderAndRecipient)).toEqual([["hello@other.example.com", "shopper2@example.com"]])
    } finally {
      await other.close()
    }
  })
})

describe("SmtpProvider against the local SMTP sink", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let provider: DeliveryProvider

  beforeAll(async () => {
    sink = await startSmtpSink()
    provider = createProvider("email", {
      provider: "smtp",
      host: sink.host,
      port: sink.port,
      auth: { user: "shop", pass: "secret" },
      from: { email: "news@shop.example.com", name: "Shop" },
      max_connections: 3,
    })
  })
  afterEach(() => sink.reset())
  afterAll(async () => {
    await provider.close()
    await sink.close()
  })

  it("delivers html, text and the message's headers, under a Message-ID from its idempotency key", async () => {
    const message = email(1)
    const [outcome] = await provider.send([message])
    const expectedMessageId = "<mcamp_1=3amcon_1=3aemail=3a0@shop.example.com>"
    expect(outcome).toEqual({ id: "mmsg_1", status: "sent", provider_message_id: expectedMessageId })

    const [received] = sink.messages()
    expect(received.envelope).toEqual({ from: "news@shop.example.com", to: ["shopper1@example.com"] })
    const parsed = await received.parsed()
    expect(parsed.messageId).toBe(expectedMessageId)
    expect(parsed.from?.text).toBe('"Shop" <news@shop.example.com>')
    expect(parsed.subject).toBe("Spring sale")
    expect(parsed.html).toBe(own(message).html)
    expect(parsed.text?.trim()).toBe(own(message).text)
    const headerLines = parsed.headerLines.map((header) => header.line)
    expect(headerLines).toContain(`List-Unsubscribe: <${SHOP}/u/unsub1>`)
    expect(headerLines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    expect(received.headers["list-unsubscribe"]).toBe(`<${SHOP}/u/unsub1>`)
  })

  it("resends under the same Message-ID, so receivers can drop the duplicate", async () => {
    await provider.send([email(1)])
    await provider.send([email(1)])
    const [first, second] = sink.messages()
    expect(first.headers["message-id"]).toBe(second.headers["message-id"])
    expect(messageIdFor("a:b", "x@shop.example.com")).not.toBe(messageIdFor("a.b", "x@shop.example.com"))
  })

  it("sends a batch concurrently through the pool", async () => {
    const outcomes = await provider.send(range(20).map((index) => email(index)))
    expect(statuses(outcomes)).toEqual(["sent"])
    expect(sink.messages().map((received) => received.envelope.to[0]).sort()).toEqual(
      range(20).map((index) => `shopper${index}@example.com`).sort()
    )
  })

  it("encodes a shared content once, yet every message arrives with its own token and recipient", async () => {
    // Long unbroken lines (the token spans soft line breaks), text that is not ASCII, two token lengths, no token.
    const long = (tag: string): RenderedContent => ({
      subject: "Spring sale",
      html: `<p>${"Grüße aus Köln — ".repeat(30)}</p><a href="${SHOP}/t/${tag}/1">${"x".repeat(60)}</a>${`<img src="${SHOP}/o/${tag}">`.repeat(3)}`,
      text: `Grüße 😀\n${SHOP}/t/${tag}/1 ${"y".repeat(90)}\nAbmelden: ${SHOP}/u/${tag}`,
      tag,
    })
    const shared = long("9f8e7d6c5b4a".repeat(8))
    const messages = [
      ...range(6).map((index) => email(index, { content: shared, tracking_token: `eyJtIjoi${index}${"a".repeat(80)}.sig-_${index}` })),
      email(6, { content: long("0a1b2c3d4e5"), tracking_token: "short.token" }),
      email(7, { content: { ...long("untracked"), tag: undefined }, tracking_token: undefined }),
    ]
    expect(statuses(await provider.send(messages))).toEqual(["sent"])
    const received = await Promise.all(sink.messages().map((message) => message.parsed()))
    const byRecipient = new Map(received.map((parsed) => [parsed.to && "text" in parsed.to ? parsed.to.text : "", parsed]))
    for (const message of messages) {
      const parsed = byRecipient.get(message.to)!
      expect(parsed.html).toBe(own(message).html)
      expect(parsed.text?.trim()).toBe(own(message).text.trim())
    }
    expect(byRecipient.size).toBe(messages.length)
  })

  it("retries a 451 and fails a 550 with the server's reply", async () => {
    sink.failNext(1, 451)
    expect(await provider.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "retry", reason: "451 4.3.0 Temporary local problem, try again later" },
    ])
    sink.failNext(1, 550, "5.1.1 <shopper2@example.com>: Recipient address rejected: User unknown")
    expect(await provider.send([email(2)])).toEqual([
      {
        id: "mmsg_2",
        status: "failed",
        reason: "550 5.1.1 <shopper2@example.com>: Recipient address rejected: User unknown",
      },
    ])
    sink.failNext(1, 554, undefined, { on: "data" })
    expect(await provider.send([email(3)])).toEqual([
      { id: "mmsg_3", status: "failed", reason: "554 5.7.1 Message rejected" },
    ])
    expect(sink.messages()).toHaveLength(0)
  })

  it("retries when the server cannot be reached", async () => {
    const unreachable = createProvider("email", {
      provider: "smtp",
      host: "127.0.0.1",
      port: await refusedPort(),
      from: "news@shop.example.com",
    })
    try {
      const [outcome] = await unreachable.send([email(1)])
      expect(outcome).toMatchObject({ status: "retry", reason: expect.stringContaining("ECONNREFUSED") })
    } finally {
      await unreachable.close()
    }
  })

  it("keeps only envelope, size and headers with { parse: false }", async () => {
    const lean = await startSmtpSink({ parse: false })
    const leanProvider = createProvider("email", {
      provider: "smtp",
      host: lean.host,
      port: lean.port,
      from: "news@shop.example.com",
    })
    try {
      await leanProvider.send([email(1)])
      const [received] = lean.messages()
      expect(received.raw).toBeNull()
      expect(received.size).toBeGreaterThan(CAMPAIGN.html!.length)
      expect(received.headers.subject).toBe("Spring sale")
      await expect(received.parsed()).rejects.toThrow("parse: false")
    } finally {
      await leanProvider.close()
      await lean.close()
    }
  })
})

describe("TwilioProvider against the local Twilio API", () => {
  const ACCOUNT_SID = `AC${"1a".repeat(16)}`
  const AUTH_TOKEN = "twilio-test-token"
  const SERVICE_SID = `MG${"2b".repeat(16)}`
  let server: Awaited<ReturnType<typeof startTwilioServer>>
  const twilioOptions = (overrides: Record<string, unknown> = {}) => ({
    provider: "twilio",
    account_sid: ACCOUNT_SID,
    auth_token: AUTH_TOKEN,
    from: "+14155550100",
    status_callback_url: "https://shop.example.com/hooks/marketing/twilio",
    base_url: server.url,
    ...overrides,
  })

  beforeAll(async () => {
    server = await startTwilioServer({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
  })
  afterEach(() => server.reset())
  afterAll(() => server.close())

  it("sends from a number, with a status callback that names our message", async () => {
    const provider = createProvider("sms", twilioOptions())
    const outcomes = await provider.send(range(3).map((index) => sms(index)))

    const sent = server.messages()
    expect(sent).toHaveLength(3)
    for (const message of range(3).map((index) => sms(index))) {
      const received = sent.find((candidate) => candidate.to === message.to)!
      expect(received).toMatchObject({
        from: "+14155550100",
        messaging_service_sid: null,
        body: message.content.text,
        status_callback: `https://shop.example.com/hooks/marketing/twilio?message_id=${message.id}`,
      })
      expect(outcomes.find((outcome) => outcome.id === message.id)).toEqual({
        id: message.id,
        status: "sent",
        provider_message_id: received.sid,
      })
      expect(received.sid).toMatch(/^SM[0-9a-f]{32}$/)
    }
  })

  it("sends through a messaging service instead of a number", async () => {
    const provider = createProvider(
      "sms",
      twilioOptions({ from: undefined, messaging_service_sid: SERVICE_SID, status_callback_url: undefined })
    )
    const [outcome] = await provider.send([sms(1)])
    expect(outcome.status).toBe("sent")
    const [request] = server.requests
    expect(request.form.get("MessagingServiceSid")).toBe(SERVICE_SID)
    expect(request.form.has("From")).toBe(false)
    expect(request.form.has("StatusCallback")).toBe(false)
  })

  it("fails an invalid 'To' number with Twilio's error 21211", async () => {
    const provider = createProvider("sms", twilioOptions())
    const [outcome] = await provider.send([sms(1, { to: "+15005550001" })])
    expect(outcome).toEqual({
      id: "mmsg_sms_1",
      status: "failed",
      reason: "HTTP 400: Twilio error 21211: The 'To' number +15005550001 is not a valid phone number.",
    })
  })

  it("retries 429 and 503, fails a refused auth token", async () => {
    const provider = createProvider("sms", twilioOptions())
    server.failNext(1, 429)
    server.failNext(1, 503)
    const outcomes = await provider.send([sms(1)])
    expect(outcomes).toEqual([
      { id: "mmsg_sms_1", status: "retry", reason: "HTTP 429: Twilio error 20429: Too Many Requests" },
    ])
    expect(await provider.send([sms(1)])).toEqual([
      { id: "mmsg_sms_1", status: "retry", reason: "HTTP 503: Twilio error 20503: Service unavailable" },
    ])

    const wrongToken = createProvider("sms", twilioOptions({ auth_token: "wrong" }))
    expect(await wrongToken.send([sms(1)])).toEqual([
      { id: "mmsg_sms_1", status: "failed", reason: "HTTP 401: Twilio error 20003: Authenticate" },
    ])
  })

  it("retries when the API cannot be reached", async () => {
    const provider = createProvider("sms", twilioOptions({ base_url: `http://127.0.0.1:${await refusedPort()}` }))
    const [outcome] = await provider.send([sms(1)])
    expect(outcome).toMatchObject({ status: "retry", reason: expect.stringContaining("ECONNREFUSED") })
  })
})

describe("PushWebhookProvider against a local gateway", () => {
  const SECRET = "push-gateway-secret-0123456789"
  type Received = { headers: http.IncomingHttpHeaders; body: string }
  let received: Received[] = []
  let answer: (response: http.ServerResponse) => void
  let gateway: http.Server
  let url: string

  beforeAll(async () => {
    gateway = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on("data", (chunk) => chunks.push(chunk))
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") })
        answer(response)
      })
    })
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/push`
  })
  beforeEach(() => {
    received = []
    answer = (response) => response.writeHead(202, { "Content-Type": "application/json" }).end('{"id":"push_1"}')
  })
  afterAll(async () => {
    gateway.closeAllConnections()
    await new Promise((resolve) => gateway.close(resolve))
  })

  const push = (index: number): OutgoingMessage => ({
    id: `mmsg_push_${index}`,
    idempotency_key: `mcamp_3:mcon_${index}:push:0`,
    channel: "push",
    to: `mcon_${index}`,
    content: { subject: "Spring sale", text: "20% off today only" },
    headers: { url: `${SHOP}/t/tok${index}` },
  })

  it("posts the notification as JSON signed over timestamp and raw body", async () => {
    const provider = createProvider("push", { provider: "webhook", url, secret: SECRET })
    const before = Math.floor(Date.now() / 1000)
    expect(await provider.send([push(1)])).toEqual([
      { id: "mmsg_push_1", status: "sent", provider_message_id: "push_1" },
    ])

    const [{ headers, body }] = received
    expect(JSON.parse(body)).toEqual({
      id: "mmsg_push_1",
      idempotency_key: "mcamp_3:mcon_1:push:0",
      to: "mcon_1",
      title: "Spring sale",
      body: "20% off today only",
      data: { url: `${SHOP}/t/tok1` },
    })
    expect(headers["idempotency-key"]).toBe("mcamp_3:mcon_1:push:0")
    const timestamp = String(headers["x-marketing-timestamp"])
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before)
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`
    expect(headers["x-marketing-signature"]).toBe(expected)
  })

  it("retries a 5xx (honouring Retry-After) and fails other 4xx with the gateway's words", async () => {
    const provider = createProvider("push", { provider: "webhook", url, secret: SECRET })
    answer = (response) => response.writeHead(503, { "Retry-After": "30" }).end("gateway overloaded")
    expect(await provider.send([push(1)])).toEqual([
      { id: "mmsg_push_1", status: "retry", reason: "HTTP 503: gateway overloaded", retry_after_ms: 30_000 },
    ])
    answer = (response) => response.writeHead(422).end('{"error":"unknown device"}')
    expect(await provider.send([push(1)])).toEqual([
      { id: "mmsg_push_1", status: "failed", reason: 'HTTP 422: {"error":"unknown device"}' },
    ])
  })

  it("retries when the gateway is unreachable or does not answer in time", async () => {
    const unreachableUrl = `http://127.0.0.1:${await refusedPort()}/push`
    const unreachable = createProvider("push", { provider: "webhook", url: unreachableUrl, secret: SECRET })
    expect(await unreachable.send([push(1)])).toEqual([
      { id: "mmsg_push_1", status: "retry", reason: expect.stringContaining("ECONNREFUSED") },
    ])

    const impatient = createProvider("push", { provider: "webhook", url, secret: SECRET, timeout_ms: 100 })
    answer = () => {} // never answers; afterAll drops the connection
    expect(await impatient.send([push(1)])).toEqual([
      { id: "mmsg_push_1", status: "retry", reason: expect.stringContaining("ETIMEDOUT") },
    ])
  })
})

describe("the demo's web inbox", () => {
  it("lists emails and SMS escaped, and serves an email's HTML exactly as received", async () => {
    const accountSid = `AC${"3c".repeat(16)}`
    const smtp = await startSmtpSink()
    const twilio = await startTwilioServer({ accountSid, authToken: "token" })
    const inbox = await startWebInbox({ smtp, twilio })
    const providers = [
      createProvider("email", { provider: "smtp", host: smtp.host, port: smtp.port, from: "news@shop.example.com" }),
      createProvider("sms", {
        provider: "twilio",
        account_sid: accountSid,
        auth_token: "token",
        from: "+14155550100",
        base_url: twilio.url,
      }),
    ]
    try {
      await providers[0].send([email(1, { content: campaignContent({ subject: "<b>50%</b> off & more" }) })])
      await providers[1].send([sms(1, { content: { text: "Sale <today>" } })])
      const page = async (path: string) => (await fetch(`${inbox.url}${path}`)).text()

      const emails = await page("/")
      expect(emails).toContain("&#60;b&#62;50%&#60;/b&#62; off &#38; more")
      expect(emails).toContain('<a href="/emails/1">HTML</a>')
      expect(await page("/emails/1")).toBe(own(email(1)).html)
      expect((await page("/emails/1/text")).trim()).toBe(own(email(1)).text)
      expect(await page("/sms")).toContain("Sale &#60;today&#62;")
      expect((await fetch(`${inbox.url}/emails/42`)).status).toBe(404)
    } finally {
      await Promise.all(providers.map((provider) => provider.close()))
      await Promise.all([inbox.close(), smtp.close(), twilio.close()])
    }
  })

  it("lists the emails the SES stand-in took, and serves an email's HTML and text as sent", async () => {
    const ses = await startSesServer()
    const inbox = await startWebInbox({ ses })
    const provider = createProvider("email", {
      provider: "ses",
      region: "eu-west-1",
      from: "news@shop.example.com",
      credentials: { access_key_id: "AKIDSTANDIN", secret_access_key: "stand-in-secret" },
      endpoint: ses.url,
    })
    try {
      await provider.send([email(1, { content: campaignContent({ subject: "<b>50%</b> off & more" }) })])
      const [sent] = ses.messages()
      const page = async (path: string) => (await fetch(`${inbox.url}${path}`)).text()
      const emails = await page("/")
      expect(emails).toContain("Email (1)")
      expect(emails).toContain("&#60;b&#62;50%&#60;/b&#62; off &#38; more")
      expect(emails).toContain(`<a href="/ses-emails/${sent.message_id}">HTML</a>`)
      expect(await page(`/ses-emails/${sent.message_id}`)).toBe(own(email(1)).html)
      expect(await page(`/ses-emails/${sent.message_id}/text`)).toBe(own(email(1)).text)
      expect((await fetch(`${inbox.url}/ses-emails/0100unknown`)).status).toBe(404)
    } finally {
      await provider.close()
      await Promise.all([inbox.close(), ses.close()])
    }
  })

  it("offers an email's raw source (RFC 822) for download, headers included", async () => {
    const smtp = await startSmtpSink()
    const inbox = await startWebInbox({ smtp })
    const provider = createProvider("email", { provider: "smtp", host: smtp.host, port: smtp.port, from: "news@shop.example.com" })
    try {
      await provider.send([email(1)])
      expect(await (await fetch(`${inbox.url}/`)).text()).toContain('<a href="/emails/1/raw">Raw</a>')
      const response = await fetch(`${inbox.url}/emails/1/raw`)
      expect(response.headers.get("content-type")).toBe("message/rfc822")
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="email-1.eml"')
      const source = Buffer.from(await response.arrayBuffer())
      expect(smtp.messages()[0].raw).toEqual(source)
      expect(source.toString("utf8")).toMatch(new RegExp(`^List-Unsubscribe: <${SHOP}/u/unsub1>\r$`, "m"))
      expect(source.toString("utf8")).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m)
      expect((await fetch(`${inbox.url}/emails/42/raw`)).status).toBe(404)
    } finally {
      await provider.close()
      await Promise.all([inbox.close(), smtp.close()])
    }
  })
})
