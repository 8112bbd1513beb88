export const messageFields = [
  "id",
  "campaign_id",
  "contact_id",
  "channel",
  "to",
  "is_test",
  "status",
  "attempts",
  "not_before",
  "provider",
  "provider_message_id",
  "error",
  "sent_at",
  "delivered_at",
  "opened_at",
  "clicked_at",
  "unsubscribed_at",
  "created_at",
]

export const listMessagesQueryConfig = { defaults: messageFields, isList: true }
export const retrieveMessageQueryConfig = { defaults: messageFields, isList: false }
