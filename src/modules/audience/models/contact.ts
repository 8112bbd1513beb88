import { model } from "@medusajs/framework/utils"
import { ConsentStatus, ContactSource } from "../../../types/audience/module"
import ConsentRecord from "./consent-record"
import Purchase from "./purchase"

/**
 * One addressable person. Carries the commerce aggregates segments filter on, so that a segment
 * is one indexed query over this table rather than a scan of the core order tables.
 */
const Contact = model
  .define({ name: "Contact", tableName: "marketing_contact" }, {
    id: model.id({ prefix: "mcon" }).primaryKey(),
    /** Lower-cased. */
    email: model.text().searchable().nullable(),
    /** E.164. */
    phone: model.text().searchable().nullable(),
    first_name: model.text().searchable().nullable(),
    last_name: model.text().searchable().nullable(),
    /** ISO 3166-1 alpha-2, lower-cased like Medusa's own country codes. */
    country_code: model.text().nullable(),
    timezone: model.text().nullable(),
    customer_id: model.text().nullable(),
    has_account: model.boolean().default(false),
    /** Lower-cased names of the native customer groups the contact is in. */
    customer_groups: model.array().default([]),
    source: model.enum(ContactSource).default(ContactSource.MANUAL),
    email_consent: model.enum(ConsentStatus).nullable(),
    sms_consent: model.enum(ConsentStatus).nullable(),
    orders_count: model.number().default(0),
    /** In the store's default currency; see docs/audience.md on currencies. */
    total_spent: model.bigNumber().default(0),
    first_order_at: model.dateTime().nullable(),
    last_order_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    purchases: model.hasMany(() => Purchase, { mappedBy: "contact" }),
    consents: model.hasMany(() => ConsentRecord, { mappedBy: "contact" }),
  })
  .cascades({ delete: ["purchases", "consents"] })
  .indexes([
    { on: ["email"], unique: true, where: "email IS NOT NULL AND deleted_at IS NULL" },
    { on: ["phone"], unique: true, where: "phone IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id"], unique: true, where: "customer_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["country_code"] },
    { on: ["total_spent"] },
    { on: ["orders_count"] },
    { on: ["last_order_at"] },
    { on: ["first_order_at"] },
    { on: ["created_at"] },
    { on: ["customer_groups"], type: "GIN" },
  ])

export default Contact
