// Where the demo's campaigns go: a local SMTP server (email goes out through the plugin's SMTP
// provider, nodemailer, as real MIME mail) or, with DEMO_EMAIL_PROVIDER=ses, a stand-in for Amazon
// SES's v2 API (through the plugin's SES provider and the real AWS SDK); a stand-in for Twilio's API
// (SMS, through the real twilio SDK); and a web inbox that shows them. Nothing leaves the machine;
// what they received is kept in memory, so the inbox starts empty on every run.
import { startSesServer, startSmtpSink, startTwilioServer, startWebInbox } from "./sinks/index.js"

/** A fixed port, so that a bookmarked inbox keeps working across runs. */
export const INBOX_PORT = 9025

/** The stand-in checks these like Twilio would; they are no secret and reach nothing but the stand-in. */
const TWILIO = { accountSid: `AC${"0".repeat(32)}`, authToken: "demo-twilio-auth-token" }

/** The stand-in checks that requests are signed with this key id; it is no secret and reaches nothing but the stand-in. */
const SES_CREDENTIALS = { access_key_id: "AKIDDEMOSESSTANDIN", secret_access_key: "demo-ses-stand-in-secret" }

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
export async function startDeliverySinks({ publicUrl, emailProvider = process.env.DEMO_EMAIL_PROVIDER || "smtp" }) {
  const email = await startEmailSink(emailProvider)
  const twilio = await startTwilioServer(TWILIO)
  const inbox = await startInbox({ ...email.sinks, twilio })
  return {
    inboxUrl: inbox.url,
    options: {
      email: email.options,
      sms: {
        provider: "twilio",
        account_sid: TWILIO.accountSid,
        auth_token: TWILIO.authToken,
        from: SMS_FROM,
        base_url: twilio.url,
      },
      public_url: publicUrl,
    },
    close: () => Promise.all([inbox.close(), email.close(), twilio.close()]),
  }
}

/** The email sink of `provider` (DEMO_EMAIL_PROVIDER), as the inbox takes it, and the plugin's email options that send to it. */
async function startEmailSink(provider) {
  if (provider === "smtp") {
    const smtp = await startSmtpSink()
    return { sinks: { smtp }, options: { provider: "smtp", host: smtp.host, port: smtp.port, from: EMAIL_FROM }, close: () => smtp.close() }
  }
  if (provider === "ses") {
    const ses = await startSesServer({ accessKeyId: SES_CREDENTIALS.access_key_id })
    return {
      sinks: { ses },
      options: { provider: "ses", region: "eu-west-1", from: EMAIL_FROM, credentials: SES_CREDENTIALS, endpoint: ses.url },
      close: () => ses.close(),
    }
  }
  throw new Error(`DEMO_EMAIL_PROVIDER must be smtp (the default) or ses, not ${JSON.stringify(provider)}`)
}
