import type { ModuleProviderExports } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import type { MessageChannel } from "../../../types/messaging/providers"
import pushWebhook from "../../../providers/push-webhook"
import sendgrid from "../../../providers/sendgrid"
import ses from "../../../providers/ses"
import smtp from "../../../providers/smtp"
import twilio from "../../../providers/twilio"

/** The providers a channel's `provider` short name can name; any other is a module provider given by `resolve`. */
export const BUILT_IN_PROVIDERS: { [C in MessageChannel]: Record<string, ModuleProviderExports> } = {
  email: { sendgrid, smtp, ses },
  sms: { twilio },
  push: { webhook: pushWebhook },
}

/**
 * A channel's provider as the plugin options give it, made one shape: the module provider to load
 * and its own options, which only the provider validates (at boot, see loaders/providers).
 */
export interface DeliveryProviderOptions {
  /** The built-in's short name, when the options named one; its options then sit beside it. */
  provider?: string
  resolve: string | ModuleProviderExports
  options: Record<string, unknown>
  /** Paces the queue that feeds the provider; the provider never sees it. */
  rate_per_second?: number
}

const ratePerSecond = z
  .number({ message: "must be a number" })
  .positive({ message: "must be a positive number" })
  .optional()

const builtInProvider = (channel: MessageChannel) => {
  const names = Object.keys(BUILT_IN_PROVIDERS[channel])
  return z
    .object({
      provider: z.string({ message: "must be a string" }).refine((name) => names.includes(name), {
        message: `must be one of ${names.map((name) => `'${name}'`).join(", ")}, or give your own provider's path or package as resolve`,
      }),
      rate_per_second: ratePerSecond,
    })
    .catchall(z.unknown())
    .transform(({ provider, rate_per_second, ...options }): DeliveryProviderOptions => ({
      provider,
      resolve: BUILT_IN_PROVIDERS[channel][provider],
      options,
      rate_per_second,
    }))
}

const moduleProvider = z
  .object(
    {
      resolve: z
        .string({ message: "is required: your provider's path or package (or name a built-in as provider)" })
        .min(1, { message: "must not be empty" }),
      options: z.record(z.string(), z.unknown(), { message: "must be an object" }).default({}),
      rate_per_second: ratePerSecond,
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `has ${issue.keys.map((key) => `'${key}'`).join(", ")} beside resolve: a provider's own options go in 'options'`
          : "must be { provider: '<built-in>', ...its options } or { resolve: '<path or package>', options }",
    }
  )
  .strict()

/**
 * A channel's provider option: `{ provider: "<built-in>", ...its options }`, or
 * `{ resolve: "<path or package>", options }` for any module provider of the messaging module.
 */
export const deliveryProviderOptions = (channel: MessageChannel) => {
  const builtIn = builtInProvider(channel)
  return z.unknown().transform((raw, context): DeliveryProviderOptions => {
    const namesBuiltIn = typeof raw === "object" && raw !== null && "provider" in raw
    const result = (namesBuiltIn ? builtIn : moduleProvider).safeParse(raw)
    if (result.success) return result.data
    for (const issue of result.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path })
    return z.NEVER
  })
}
