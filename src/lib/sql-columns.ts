/*
 * SQL expressions for the columns Medusa's models read back, for statements that write rows without the ORM.
 */

/** An id made by PostgreSQL for each inserted row, in Medusa's form: `<prefix>_<32 hex digits>`. */
export const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

/** A bigNumber column's raw twin, which Medusa reads back in preference to the numeric column. */
export const bigNumberRaw = (expression: string) => `jsonb_build_object('value', (${expression})::text, 'precision', 20)`
