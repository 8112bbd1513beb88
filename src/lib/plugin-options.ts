import { z } from "@medusajs/framework/zod"
import { isValidTimezone } from "../modules/campaign/lib/schedule"
import { deliveryProviderOptions } from "../modules/messaging/providers"

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time of day as HH:MM, e.g. '21:00'" })

const frequencyCap = z.object({
  max: z.number().int().positive({ message: "must be at least 1 message" }),
  days: z.number().int().positive({ message: "must be at least 1 day" }),
})

export const PluginOptionsSchema = z
  .object({
    /** IANA timezone for recurring schedules that do not name their own. */
    default_timezone: z
      .string()
      .refine(isValidTimezone, { message: "is not an IANA timezone such as 'Europe/Berlin'" })
      .default("UTC"),
    /** ISO 4217 currency for campaign budgets entered without one. */
    default_currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, { message: "must be a three-letter ISO 4217 code such as 'eur'" })
      .transform((code) => code.toLowerCase())
      .default("usd"),
    /** Signs the links that leave the store (confirm, unsubscribe, tracking). Required unless NODE_ENV is development or test. */
    token_secret: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
    /** Signs journey webhooks for their receivers: its own secret, so that a receiver never holds the one that mints links. */
    webhook_secret: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
    /** Where shoppers reach this Medusa backend: the base of confirm and tracking links. */
    public_url: z
      .string()
      .url({ message: "must be an absolute URL such as 'https://shop.example.com'" })
      .transform((url) => url.replace(/\/+$/, ""))
      .default("http://localhost:9000"),
    /**
     * Where shoppers shop: tracked links into it arrive with `mkt_click=<token>`, which the storefront
     * hands to the cart so that the order is attributed to the message. Unset, no link is changed.
     */
    storefront_url: z
      .string()
      .url({ message: "must be an absolute URL such as 'https://shop.example.com'" })
      .nullable()
      .default(null),
    /** Audit entries older than this many days are pruned daily; unset keeps them forever. */
    audit_retention_days: z
      .number()
      .int({ message: "must be a whole number of days" })
      .positive({ message: "must be at least 1 day" })
      .nullable()
      .default(null),
    /** Delivery providers, one per channel; a channel without one cannot send. */
    email: deliveryProviderOptions("email").optional(),
    sms: deliveryProviderOptions("sms").optional(),
    push: deliveryProviderOptions("push").optional(),
    /** No marketing message goes out in this window, in the contact's timezone (else the store's). */
    quiet_hours: z.object({ start: clock, end: clock }).nullable().default(null),
    /** At most `max` marketing messages per contact within `days`, per channel. Test sends do not count. */
    frequency_caps: z
      .object({ email: frequencyCap.optional(), sms: frequencyCap.optional(), push: frequencyCap.optional() })
      .default({}),
    delivery: z
      .object({
        /** Messages one worker claims at a time: a round fills one SendGrid request (1,000 recipients). */
        batch_size: z.number().int().positive().max(5000).default(1000),
        /** How long a claim holds: a worker that died releases its messages after this. */
        lease_seconds: z.number().int().min(10).default(120),
        /** Attempts before a message that keeps meeting temporary errors is failed. */
        max_attempts: z.number().int().positive().default(6),
        retry_base_ms: z.number().int().positive().default(30_000),
        retry_max_ms: z.number().int().positive().default(3_600_000),
      })
      // prefault: an absent block is parsed as {}, so that its fields take their own defaults.
      .prefault({}),
    promotions: z
      .object({
        /** A cart that holds a reserved promotion this long without becoming an order is abandoned: released. */
        reservation_minutes: z.number().int().min(5).default(120),
        /** An order placed within this many days of a tracked click is attributed to its message. */
        attribution_days: z.number().int().positive().default(7),
      })
      .prefault({}),
    webhooks: z
      .object({
        /** Accepts http://localhost and http://127.0.0.1 endpoints (development and tests); anything else must be https. */
        allow_http_localhost: z.boolean().default(false),
        /** Attempts before a delivery that keeps failing is failed (visible in the log, and can be resent). */
        max_attempts: z.number().int().positive().max(20).default(8),
        retry_base_ms: z.number().int().positive().default(30_000),
        retry_max_ms: z.number().int().positive().default(3_600_000),
      })
      .prefault({}),
    analytics: z
      .object({
        /**
         * Raw rows are rolled up once they are this old: longer than any of their writers takes from
         * stamping a row to committing it, or the rollup's cursor passes the row and only a rebuild counts it.
         */
        settle_seconds: z.number().int().min(1).max(600).default(10),
      })
      .prefault({}),
    contact_imports: z
      .object({
        /** An import that reports no progress for this long lost its worker: it is failed, saying so. */
        stalled_minutes: z.number().int().min(1).default(15),
      })
      .prefault({}),
  })
  // Medusa passes its own keys (e.g. `resources`) to plugin modules alongside ours.
  .passthrough()

export type PluginOptions = z.infer<typeof PluginOptionsSchema> & { token_secret: string; webhook_secret: string }

/**
 * In development and tests a fixed secret keeps things working without configuration. It is public:
 * anywhere else it would let anyone mint tracking, unsubscribe and confirmation links.
 */
export const DEVELOPMENT_TOKEN_SECRET = "medusa-plugin-marketing-development-only-secret"
/** The same for journey webhooks' signatures: anywhere else it would let anyone forge a webhook. */
export const DEVELOPMENT_WEBHOOK_SECRET = "medusa-plugin-marketing-development-only-webhook-secret"

/** Secrets with a public development default, refused outside development and test. */
const SECRETS = [
  ["token_secret", DEVELOPMENT_TOKEN_SECRET],
  ["webhook_secret", DEVELOPMENT_WEBHOOK_SECRET],
] as const

const DEVELOPMENT_ENVIRONMENTS = ["development", "test"]

/** Parses the plugin options, throwing one message that names every bad option and why. */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = PluginOptionsSchema.safeParse(raw ?? {})
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `options.${issue.path.join(".") || "(root)"} ${issue.message}`)
  const development = DEVELOPMENT_ENVIRONMENTS.includes(process.env.NODE_ENV ?? "")
  for (const [name, developmentSecret] of SECRETS) {
    if (result.success && !development && (result.data[name] ?? developmentSecret) === developmentSecret) {
      problems.push(
        `options.${name} is required when NODE_ENV is '${process.env.NODE_ENV ?? ""}' (32+ random characters, ` +
          "e.g. from `openssl rand -hex 32`); the development secret is public and only accepted in development and test"
      )
    }
  }
  if (problems.length) {
    throw new Error(`medusa-plugin-marketing: invalid plugin options: ${problems.join("; ")}`)
  }
  const options = result.data!
  return {
    ...options,
    token_secret: options.token_secret ?? DEVELOPMENT_TOKEN_SECRET,
    webhook_secret: options.webhook_secret ?? DEVELOPMENT_WEBHOOK_SECRET,
  }
}
