import { z } from "@medusajs/framework/zod"
import { isEndpointUrl } from "../../../../modules/webhook/lib/endpoint-url"
import { WEBHOOK_EVENT_TYPES, WebhookDeliveryStatus } from "../../../../types/webhook"
import { dateFilter, findParams, idString, MAX_LENGTH, oneOrMany, queryBoolean, selectParams } from "../../../utils/validators"
import { webhookDeliveryFields, webhookEndpointFields } from "./query-config"

/** Longer than any endpoint URL a receiver needs (browsers stop near 2,000 too). */
const MAX_URL_LENGTH = 2_000

const eventType = z.enum(WEBHOOK_EVENT_TYPES)

const endpointFields = {
  url: z
    .string()
    .trim()
    .max(MAX_URL_LENGTH)
    .refine(isEndpointUrl, { message: "url must be an https URL without credentials, e.g. https://hooks.example.com/marketing" }),
  events: z
    .array(eventType)
    .min(1, { message: "events must name at least one event" })
    .max(WEBHOOK_EVENT_TYPES.length)
    .refine((events) => new Set(events).size === events.length, { message: "events must not repeat an event" }),
  enabled: z.boolean(),
  description: z.string().max(MAX_LENGTH.text).nullable(),
}

export const AdminCreateWebhookEndpoint = z.strictObject({
  ...endpointFields,
  enabled: endpointFields.enabled.default(true),
  description: endpointFields.description.optional(),
})
export type AdminCreateWebhookEndpointType = z.infer<typeof AdminCreateWebhookEndpoint>

export const AdminUpdateWebhookEndpoint = z
  .strictObject(endpointFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: "the update must change at least one of url, events, enabled, description" })
export type AdminUpdateWebhookEndpointType = z.infer<typeof AdminUpdateWebhookEndpoint>

export const AdminGetWebhookEndpointsParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, webhookEndpointFields)
  .extend({
    enabled: queryBoolean().optional(),
  })
  .strict()

export const AdminGetWebhookEndpointParams = selectParams()

export const AdminGetWebhookDeliveriesParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, webhookDeliveryFields)
  .extend({
    id: oneOrMany(idString).optional(),
    status: oneOrMany(z.enum(WebhookDeliveryStatus)).optional(),
    event_type: oneOrMany(eventType).optional(),
    event_id: idString.optional(),
    created_at: dateFilter().optional(),
  })
  .strict()
