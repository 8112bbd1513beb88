import { z } from "@medusajs/framework/zod"

/** A filter that takes one value or several (`?status=a` or `?status[]=a&status[]=b`). */
export const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)])
