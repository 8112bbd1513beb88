/**
 * The sinks' ceilings for `bench/send.ts`: a bare client, no Medusa, no database, sending the same
 * messages to the same sink. Driven over stdin like the Medusa scripts: it prepares its payloads,
 * says `ready`, and on `go` sends them all, saying when it started and when the last was accepted.
 *
 *  - BARE_MODE=sendgrid: `@sendgrid/mail` with its own client pointed at the local server, the
 *    recipients in requests of 1,000 personalizations (SendGrid's maximum), `BARE_PARALLEL` in flight.
 *  - BARE_MODE=smtp: a nodemailer pooled transport with `BARE_POOL` connections (and the plugin's
 *    `max_messages` default of 100 per connection), `BARE_WINDOW` messages handed to the pool at a time.
 *
 * The content (subject, html, text, headers) is a message the plugin composed for a contact
 * (BARE_SAMPLE, a JSON file), so that sizes and shape match what the pipeline sends.
 */
import fs from "node:fs"
import readline from "node:readline"
import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { createTransport } from "nodemailer"

const say = (message: Record<string, unknown>) => process.stdout.write(`@@bench ${JSON.stringify(message)}\n`)

type Sample = { from: string; subject: string; html: string; text: string; headers: Record<string, string>; token: string }

const mode = process.env.BARE_MODE
const count = Number(process.env.BARE_COUNT)
const sample: Sample = JSON.parse(fs.readFileSync(process.env.BARE_SAMPLE!, "utf8"))

/** A token of the same length as the plugin's, different per recipient (the SDK serializes each). */
const tokenFor = (i: number) => sample.token.slice(0, -8) + String(i).padStart(8, "0")

async function mapConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

function sendgrid() {
  const parallel = Number(process.env.BARE_PARALLEL ?? 8)
  const mail = new MailService()
  const client = new Client()
  client.setApiKey(process.env.BARE_API_KEY!)
  client.setDefaultRequest("baseUrl", process.env.BARE_URL!)
  mail.setClient(client)
  mail.setSubstitutionWrappers("%", "%")
  // The content shared by every recipient, the token replaced by its substitution tag (as the plugin's batching does).
  const tag = "%mk_token%"
  const shared = {
    from: sample.from,
    subject: sample.subject.replaceAll(sample.token, tag),
    html: sample.html.replaceAll(sample.token, tag),
    text: sample.text.replaceAll(sample.token, tag),
  }
  const requests: any[] = []
  for (let start = 0; start < count; start += 1000) {
    const personalizations = []
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const token = tokenFor(i)
      personalizations.push({
        to: `reader${i + 1}@bench.example.com`,
        substitutions: { mk_token: token },
        customArgs: { marketing_message_id: `mmsg_bare${i}`, idempotency_key: `bare:${i}` },
        headers: Object.fromEntries(Object.entries(sample.headers).map(([k, v]) => [k, v.replaceAll(sample.token, token)])),
      })
    }
    // As the plugin's provider sends it: SendGrid's own tracking off.
    requests.push({
      ...shared,
      personalizations,
      trackingSettings: { clickTracking: { enable: false, enableText: false }, openTracking: { enable: false } },
    })
  }
  return async () => {
    await mapConcurrently(requests, parallel, (request) => mail.send(request))
  }
}

function smtp() {
  const pool = Number(process.env.BARE_POOL ?? 5)
  const window = Number(process.env.BARE_WINDOW ?? 100)
  const transport = createTransport({
    pool: true,
    host: "127.0.0.1",
    port: Number(process.env.BARE_PORT),
    maxConnections: pool,
    maxMessages: 100,
  })
  const indexes = Array.from({ length: count }, (_, i) => i)
  return async () => {
    await mapConcurrently(indexes, window, (i) => {
      const token = tokenFor(i)
      return transport.sendMail({
        from: sample.from,
        to: `reader${i + 1}@bench.example.com`,
        subject: sample.subject,
        html: sample.html.replaceAll(sample.token, token),
        text: sample.text.replaceAll(sample.token, token),
        headers: Object.fromEntries(Object.entries(sample.headers).map(([k, v]) => [k, v.replaceAll(sample.token, token)])),
        messageId: `<bare=3A${i}@example.com>`,
      })
    })
    transport.close()
  }
}

async function main() {
  const send = mode === "sendgrid" ? sendgrid() : mode === "smtp" ? smtp() : null
  if (!send) throw new Error(`BARE_MODE must be sendgrid or smtp, not ${mode}`)
  say({ event: "ready" })
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const command = JSON.parse(line)
    if (command.cmd === "go") {
      const cpu = process.cpuUsage()
      const t0 = Date.now()
      say({ event: "started", t0 })
      await send()
      const used = process.cpuUsage(cpu)
      say({ event: "done", t0, t2: Date.now(), cpu_ms: (used.user + used.system) / 1000 })
    } else if (command.cmd === "quit") break
  }
  process.exit(0)
}

main().catch((error) => {
  say({ event: "error", message: error?.stack ?? String(error) })
  process.exit(1)
})
