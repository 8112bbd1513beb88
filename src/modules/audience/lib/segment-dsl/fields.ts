/** How a field behaves in conditions: which operators and values it takes, and how it compiles. */
export type FieldType = "string" | "number" | "date" | "boolean" | "days_since" | "string_set" | "json"

export interface FieldDefinition {
  type: FieldType
  /** SQL over the contact row `c`. */
  column: string
  /** Values are compared lower-cased, because the column stores them so. */
  lowercase?: boolean
  /** A Postgres integer column: compared with whole numbers in its range. */
  integer?: boolean
  description: string
}

export const FIELDS: Record<string, FieldDefinition> = {
  email: { type: "string", column: "c.email", lowercase: true, description: "email address" },
  first_name: { type: "string", column: "c.first_name", description: "first name" },
  last_name: { type: "string", column: "c.last_name", description: "last name" },
  phone: { type: "string", column: "c.phone", description: "phone number in E.164 form, e.g. '+4915112345678'" },
  country: { type: "string", column: "c.country_code", lowercase: true, description: "ISO 3166 country code, e.g. 'DE'" },
  created_at: { type: "date", column: "c.created_at", description: "when the contact was created" },
  first_order_at: { type: "date", column: "c.first_order_at", description: "date of the first order" },
  last_order_at: { type: "date", column: "c.last_order_at", description: "date of the latest order" },
  has_account: { type: "boolean", column: "c.has_account", description: "whether the contact has a store account" },
  customer_group: {
    type: "string_set",
    column: "c.customer_groups",
    lowercase: true,
    description: "name of a native customer group the contact belongs to",
  },
  orders_count: { type: "number", column: "c.orders_count", integer: true, description: "number of orders placed (not cancelled)" },
  total_spent: { type: "number", column: "c.total_spent", description: "total spent, in the store's default currency" },
  avg_order_value: {
    type: "number",
    column: "(CASE WHEN c.orders_count > 0 THEN c.total_spent / c.orders_count END)",
    description: "average order value, in the store's default currency",
  },
  days_since_last_order: { type: "days_since", column: "c.last_order_at", description: "whole days since the latest order" },
  days_since_first_order: { type: "days_since", column: "c.first_order_at", description: "whole days since the first order" },
  metadata: {
    type: "json",
    column: "c.metadata",
    description: "a key of the contact's metadata; ordering and BETWEEN compare numbers, CONTAINS and STARTS WITH text",
  },
}

export interface FunctionDefinition {
  signature: string
  description: string
}

export const FUNCTIONS: Record<string, FunctionDefinition> = {
  purchased: {
    signature: "purchased(category|product|collection = '...', within 30d)",
    description: "bought a matching product at least once (in the period)",
  },
  purchases: {
    signature: "purchases(category|product|collection = '...', within 30d) > 3",
    description: "number of orders with a matching product (in the period)",
  },
  in_segment: { signature: "in_segment('handle')", description: "member of another segment" },
}

/** `segment = 'vip'` reads naturally and means in_segment('vip'). */
export const SEGMENT_FIELD = "segment"
export const SEGMENT_FIELD_DESCRIPTION = "membership of a segment, by handle"

export type Operator =
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "IN"
  | "NOT IN"
  | "CONTAINS"
  | "STARTS WITH"
  | "BETWEEN"
  | "IS NULL"
  | "IS NOT NULL"

const ORDERING: Operator[] = ["=", "!=", "<", "<=", ">", ">="]
const NULL_TESTS: Operator[] = ["IS NULL", "IS NOT NULL"]

/**
 * The operators each kind of field takes: the compiler refuses any other, and the segment reference (the
 * admin's and docs/segments.md's) lists exactly these. A metadata value takes ordering and BETWEEN with
 * numbers, CONTAINS and STARTS WITH with text.
 */
export const FIELD_OPERATORS: Record<FieldType | "segment", readonly Operator[]> = {
  string: ["=", "!=", "IN", "NOT IN", "CONTAINS", "STARTS WITH", ...NULL_TESTS],
  number: [...ORDERING, "IN", "NOT IN", "BETWEEN", ...NULL_TESTS],
  days_since: [...ORDERING, "IN", "NOT IN", "BETWEEN", ...NULL_TESTS],
  date: [...ORDERING, "BETWEEN", ...NULL_TESTS],
  boolean: ["=", "!=", ...NULL_TESTS],
  string_set: ["=", "!=", "IN", "NOT IN", ...NULL_TESTS],
  json: [...ORDERING, "IN", "NOT IN", "CONTAINS", "STARTS WITH", "BETWEEN", ...NULL_TESTS],
  segment: ["=", "!=", "IN", "NOT IN"],
}

export const PURCHASE_FILTERS: Record<string, string> = {
  category: "pu.category_keys",
  product: "pu.product_keys",
  collection: "pu.collection_keys",
}
