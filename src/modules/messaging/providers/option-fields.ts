import { z } from "@medusajs/framework/zod"

/** Option fields several providers share, with messages that read well after the field's name. */

export const requiredString = z
  .string({ message: "is required and must be a string" })
  .min(1, { message: "must not be empty" })

export const httpUrl = z.url({
  protocol: /^https?$/,
  message: "must be an absolute http(s) URL such as 'https://api.example.com'",
})

/** An origin (plus optional path prefix) that request paths are appended to. */
export const baseUrl = httpUrl.transform((url) => url.replace(/\/+$/, ""))

const emailAddress = z.email({ message: "must be an email address such as 'news@shop.example.com'" })

export const emailSender = z.union([emailAddress, z.object({ email: emailAddress, name: z.string().optional() })], {
  message: "must be an email address or { email, name }",
})
export type EmailSender = z.infer<typeof emailSender>

export const batchSize = (fallback: number, max = Infinity) =>
  z
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be at least 1" })
    .max(max, { message: `must be at most ${max}` })
    .default(fallback)

/** An unanswered request has to end eventually so its messages can be retried. */
export const requestTimeoutMs = z
  .number({ message: "must be a number of milliseconds" })
  .int({ message: "must be a whole number of milliseconds" })
  .positive({ message: "must be a positive number of milliseconds" })
  .default(30_000)
