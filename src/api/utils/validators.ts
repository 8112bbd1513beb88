import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/**
 * The longest strings a request may carry. Past them an input is a mistake or an attack: the caller
 * gets a 400 instead of a slow statement or an oversized row.
 */
export const MAX_LENGTH = {
  /** Record ids (Medusa's are about 30 characters), handles, user ids. */
  id: 100,
  /** Names, labels, search terms. */
  name: 255,
  /** An e-mail address (RFC 5321's parts at their longest) or a phone number. */
  address: 320,
  /** Descriptions and notes. */
  text: 5_000,
  /** `fields` and `order`: lists written as one string. */
  fieldList: 2_000,
  /** An ISO 8601 date-time. */
  date: 64,
} as const

/** Records in one page of a list: more is an export's job, not a page's. */
export const MAX_PAGE_SIZE = 1_000

/** Items in one filter (`?id[]=a&id[]=b`). */
export const MAX_FILTER_VALUES = 100

/** A record id in a body or a filter. */
export const idString = z.string().max(MAX_LENGTH.id)

/** A name, label, address or search term. */
export const nameString = z.string().max(MAX_LENGTH.name)

/** Free-form `metadata`: a flat bag of a few small values, as Medusa's own records keep it. */
export const MAX_METADATA_JSON = 10_000
export const metadata = z
  .record(z.string().max(MAX_LENGTH.id), z.unknown())
  .refine((bag) => JSON.stringify(bag).length <= MAX_METADATA_JSON, {
    message: `metadata must be at most ${MAX_METADATA_JSON} characters as JSON`,
  })

/** A filter that takes one value or several (`?status=a` or `?status[]=a&status[]=b`). */
export const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).max(MAX_FILTER_VALUES)])

const dateBound = z
  .string()
  .max(MAX_LENGTH.date)
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: "must be an ISO 8601 date-time" })

/** A date filter as the admin's tables send it: `?created_at[$gte]=2025-01-01T00:00:00Z`. */
export const dateFilter = () => z.strictObject({ $gt: dateBound, $gte: dateBound, $lt: dateBound, $lte: dateBound }).partial()

/** A yes/no filter in a query string: `?enabled=true` or `?enabled=false`. */
export const queryBoolean = () => z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean())

/** `fields` of a single record's route. */
export const selectParams = () => z.strictObject({ fields: z.string().max(MAX_LENGTH.fieldList).optional() })

/** A count in a query string: a whole number, not negative, and at most `max`. */
export const wholeNumber = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
    z.number().int().min(0).max(max).optional().default(fallback)
  )

/**
 * Medusa's list parameters (`fields`, `order`, `limit`, `offset`), with their strings bounded,
 * `limit` at most MAX_PAGE_SIZE and `order` one of the listed record's own fields (`-` in front for descending).
 */
export const findParams = (defaults: { limit: number; offset: number; order: string }, fields: readonly string[]) => {
  const sortable = fields.filter((field) => !field.includes("."))
  return createFindParams(defaults).extend({
    fields: z.string().max(MAX_LENGTH.fieldList).optional(),
    order: z
      .string()
      .max(MAX_LENGTH.fieldList)
      .refine((order) => sortable.includes(order.replace(/^-/, "")), {
        message: `order must be one of ${sortable.join(", ")}, with - in front for descending`,
      })
      .optional()
      .default(defaults.order),
    limit: wholeNumber(defaults.limit, MAX_PAGE_SIZE),
    offset: wholeNumber(defaults.offset),
  })
}
