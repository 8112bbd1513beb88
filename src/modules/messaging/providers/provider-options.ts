import type { z } from "@medusajs/framework/zod"

/** A provider's options refused: each bad field, and what is wrong with it. */
export class ProviderOptionsError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map(({ field, message }) => `${field || "(options)"} ${message}`).join("; "))
    this.name = "ProviderOptionsError"
  }
}

/** Parses a provider's options with its schema, throwing a ProviderOptionsError that names every bad field. */
export function parseProviderOptions<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> {
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  throw new ProviderOptionsError(
    result.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }))
  )
}
