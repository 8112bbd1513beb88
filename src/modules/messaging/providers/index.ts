import { z } from "@medusajs/framework/zod"
import type { DeliveryProvider, MessageChannel } from "../../../types/messaging/providers"
import { PushWebhookOptions, PushWebhookProvider } from "./push-webhook"
import { SendGridOptions, SendGridProvider } from "./sendgrid"
import { SmtpOptions, SmtpProvider } from "./smtp"
import { TwilioOptions, TwilioProvider } from "./twilio"

/** Paces the queue that feeds a channel's provider; the adapters never see it. */
const deliveryRate = {
  rate_per_second: z
    .number({ message: "must be a number" })
    .positive({ message: "must be a positive number" })
    .optional(),
}

const providerChoice = (...providers: string[]) => ({
  error: (issue: { code: string }) =>
    issue.code === "invalid_union"
      ? `must be one of ${providers.map((name) => `'${name}'`).join(", ")}`
      : "must be an object naming its provider",
})

export const EmailProviderOptions = z.discriminatedUnion(
  "provider",
  [SendGridOptions.extend(deliveryRate), SmtpOptions.extend(deliveryRate)],
  providerChoice("sendgrid", "smtp")
)
export type EmailProviderOptions = z.infer<typeof EmailProviderOptions>

export const SmsProviderOptions = z.discriminatedUnion(
  "provider",
  // safeExtend: the Twilio schema carries a refinement (from xor messaging_service_sid).
  [TwilioOptions.safeExtend(deliveryRate)],
  providerChoice("twilio")
)
export type SmsProviderOptions = z.infer<typeof SmsProviderOptions>

export const PushProviderOptions = z.discriminatedUnion(
  "provider",
  [PushWebhookOptions.extend(deliveryRate)],
  providerChoice("webhook")
)
export type PushProviderOptions = z.infer<typeof PushProviderOptions>

/** Each channel's parsed delivery options, by channel. */
export type ChannelOptions = { email: EmailProviderOptions; sms: SmsProviderOptions; push: PushProviderOptions }

const channelOptionsSchemas = { email: EmailProviderOptions, sms: SmsProviderOptions, push: PushProviderOptions }

/** Parses a channel's delivery options, throwing one message that names every bad field and why. */
export function parseChannelOptions<C extends MessageChannel>(channel: C, raw: unknown): ChannelOptions[C] {
  const result = channelOptionsSchemas[channel].safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(options)"} ${issue.message}`)
    throw new Error(`medusa-plugin-marketing: invalid ${channel} delivery options: ${problems.join("; ")}`)
  }
  return result.data as ChannelOptions[C]
}

export function createProvider(channel: MessageChannel, raw: unknown): DeliveryProvider {
  const options = parseChannelOptions(channel, raw)
  switch (options.provider) {
    case "sendgrid":
      return new SendGridProvider(options)
    case "smtp":
      return new SmtpProvider(options)
    case "twilio":
      return new TwilioProvider(options)
    case "webhook":
      return new PushWebhookProvider(options)
  }
}
