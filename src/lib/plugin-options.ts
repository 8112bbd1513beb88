import { z } from "@medusajs/framework/zod"
import { isValidTimezone } from "../modules/campaign/lib/schedule"

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
    /** Signs the links that leave the store (confirm, unsubscribe, tracking). Required in production. */
    token_secret: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
    /** Where shoppers reach this Medusa backend: the base of confirm and tracking links. */
    public_url: z
      .string()
      .url({ message: "must be an absolute URL such as 'https://shop.example.com'" })
      .transform((url) => url.replace(/\/+$/, ""))
      .default("http://localhost:9000"),
    /** Audit entries older than this many days are pruned daily; unset keeps them forever. */
    audit_retention_days: z
      .number()
      .int({ message: "must be a whole number of days" })
      .positive({ message: "must be at least 1 day" })
      .nullable()
      .default(null),
  })
  // Medusa passes its own keys (e.g. `resources`) to plugin modules alongside ours.
  .passthrough()

export type PluginOptions = z.infer<typeof PluginOptionsSchema> & { token_secret: string }

/** Outside production a fixed secret keeps the demo and tests working without configuration. */
const DEVELOPMENT_TOKEN_SECRET = "medusa-plugin-marketing-development-only-secret"

/** Parses the plugin options, throwing one message that names every bad option and why. */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = PluginOptionsSchema.safeParse(raw ?? {})
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `options.${issue.path.join(".") || "(root)"} ${issue.message}`)
  if (result.success && !result.data.token_secret && process.env.NODE_ENV === "production") {
    problems.push("options.token_secret is required in production (32+ random characters)")
  }
  if (problems.length) {
    throw new Error(`medusa-plugin-marketing: invalid plugin options: ${problems.join("; ")}`)
  }
  const options = result.data!
  return { ...options, token_secret: options.token_secret ?? DEVELOPMENT_TOKEN_SECRET }
}
