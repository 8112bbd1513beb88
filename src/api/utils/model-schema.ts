import { z } from "@medusajs/framework/zod"

type ParsedProperty = {
  dataType?: { name: string; options?: { choices?: string[] | Record<string, string> } }
  nullable?: boolean
}
type DmlModel = { schema: Record<string, { parse?: (name: string) => ParsedProperty }> }

const valueSchema = (property: ParsedProperty, name: string): z.ZodType => {
  switch (property.dataType?.name) {
    case "id":
    case "text":
      return z.string()
    case "number":
    case "float":
    case "bigNumber":
    case "autoincrement":
      return z.number()
    case "boolean":
      return z.boolean()
    case "dateTime":
      return z.iso.datetime({ offset: true })
    case "enum": {
      const choices = property.dataType.options?.choices ?? []
      return z.enum(Array.isArray(choices) ? choices : Object.values(choices))
    }
    case "json":
      return z.unknown()
    case "array":
      return z.array(z.unknown())
    default:
      throw new Error(`${name}: no response schema for a DML ${property.dataType?.name ?? "relation"}`)
  }
}

/** `campaign_id`, the column of a `campaign` belongsTo relation. */
const foreignKey = (model: DmlModel, field: string): ParsedProperty | undefined => {
  const relation = field.endsWith("_id") ? (model.schema[field.slice(0, -3)]?.parse?.(field.slice(0, -3)) as { type?: string; nullable?: boolean } | undefined) : undefined
  return relation?.type === "belongsTo" ? { dataType: { name: "id" }, nullable: relation.nullable } : undefined
}

/**
 * The JSON shape of a record of a DML model with the given fields (a route's default `fields`): the
 * model is the one source of the properties' types. Relations (`team.*`) are passed in, as the model
 * only knows them by a factory.
 */
export function modelSchema(model: DmlModel, fields: readonly string[], relations: Record<string, z.ZodType> = {}) {
  const own = fields.filter((field) => !field.includes("."))
  const shape: Record<string, z.ZodType> = {}
  for (const field of own) {
    const property = model.schema[field]?.parse?.(field) ?? foreignKey(model, field)
    if (!property) throw new Error(`${field} is not a property of the model`)
    const value = valueSchema(property, field)
    shape[field] = property.nullable ? value.nullable() : value
  }
  return z.object({ ...shape, ...relations })
}

/** Medusa's list answer: the page of records under their plural key, and the page's position. */
export const listSchema = (key: string, record: z.ZodType) =>
  z.object({ [key]: z.array(record), count: z.number().int(), offset: z.number().int(), limit: z.number().int() })

/** Medusa's answer to a DELETE. */
export const deletedSchema = (object: string) => z.object({ id: z.string(), object: z.literal(object), deleted: z.literal(true) })

/** The fields of a relation in a `fields` list: `team.user_id` → `user_id` for `team`. */
export const fieldsUnder = (fields: readonly string[], relation: string) =>
  fields.filter((field) => field.startsWith(`${relation}.`)).map((field) => field.slice(relation.length + 1))
