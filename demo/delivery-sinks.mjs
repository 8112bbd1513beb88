// Where the demo's campaigns go: a local SMTP server (email goes out through the plugin's SMTP
// provider, nodemailer, as real MIME mail), a stand-in for Twilio's API (SMS, through the real twilio
// SDK), and a web inbox that shows both. Nothing leaves the machine; what they received is kept in
// memory, so the inbox starts empty on every run.
import { startSmtpSink, startTwilioServer, startWebInbox } from "./sinks/index.js"

/** A fixed port, so that a bookmarked inbox keeps working across runs. */
export const INBOX_PORT = 9025

/** The stand-in checks these like Twilio would; they are no secret and reach nothing but the stand-in. */
const TWILIO = { accountSid: `AC${"0".repeat(32)}`, authToken: "demo-twilio-auth-token" }

/** Twilio's documented test sender number. */
const SMS_FROM = "+15005550006"
const EMAIL_FROM = { email: "news@example.com", name: "Northwind Outfitters" }

/** The inbox on its usual port, or on a free one when something else holds that. */
async function startInbox(sinks) {
  try {
    return await startWebInbox({ port: INBOX_PORT, ...sinks })
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error
    return startWebInbox({ port: 0, ...sinks })
  }
}

/**
 * Starts the sinks and the inbox. `options` are the plugin options that send to them (for
 * MARKETING_OPTIONS_JSON); `publicUrl` is where the backend is reached, the base of the tracked
 * links, so a click in the inbox reaches the demo store.
 */
export async function startDeliverySinks({ publicUrl }) {
  const smtp = await startSmtpSink()
  const twilio = await startTwilioServer(TWILIO)
  const inbox = await startInbox({ smtp, twilio })
  return {
    inboxUrl: inbox.url,
    options: {
      email: { provider: "smtp", host: smtp.host, port: smtp.port, from: EMAIL_FROM },
      sms: {
        provider: "twilio",
        account_sid: TWILIO.accountSid,
        auth_token: TWILIO.authToken,
        from: SMS_FROM,
        base_url: twilio.url,
      },
      public_url: publicUrl,
    },
    close: () => Promise.all([inbox.close(), smtp.close(), twilio.close()]),
  }
}
