export * from "./workflows/collect-webhook-facts"
export * from "./workflows/deliver-webhooks"
export * from "./workflows/resend-webhook-delivery"
export * from "./workflows/webhook-endpoints"
