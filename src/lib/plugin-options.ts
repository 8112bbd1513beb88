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

export type PluginOptions = z.infer<typeof PluginOptionsSchema>

/** Parses the plugin options, throwing one message that names every bad option and why. */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = PluginOptionsSchema.safeParse(raw ?? {})
  if (result.success) return result.data
  const problems = result.error.issues.map(
    (issue) => `options.${issue.path.join(".") || "(root)"} ${issue.message}`
  )
  throw new Error(`medusa-plugin-marketing: invalid plugin options: ${problems.join("; ")}`)
}
