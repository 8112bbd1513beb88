export const contactFields = [
  "id",
  "email",
  "phone",
  "first_name",
  "last_name",
  "country_code",
  "timezone",
  "customer_id",
  "has_account",
  "customer_groups",
  "source",
  "email_consent",
  "sms_consent",
  "orders_count",
  "total_spent",
  "first_order_at",
  "last_order_at",
  "metadata",
  "created_at",
  "updated_at",
]

export const contactDetailFields = [
  ...contactFields,
  "consents.id",
  "consents.channel",
  "consents.status",
  "consents.source",
  "consents.ip",
  "consents.user_agent",
  "consents.created_at",
]

export const listContactsQueryConfig = { defaults: contactFields, isList: true }
export const retrieveContactQueryConfig = { defaults: contactDetailFields, isList: false }
