import { createEntitiesStep, softDeleteEntitiesStep, updateEntitiesStep } from "../../common/steps/entity-steps"
import { MarketingModule } from "../../../types/modules"

const endpoints = { module: MarketingModule.WEBHOOK, entity: "WebhookEndpoints" }

export const createWebhookEndpointsStep = createEntitiesStep<Record<string, unknown>, { id: string }>("create-marketing-webhook-endpoints", endpoints)
export const updateWebhookEndpointsStep = updateEntitiesStep<{ id: string } & Record<string, unknown>, Record<string, unknown>>(
  "update-marketing-webhook-endpoints",
  endpoints
)
export const deleteWebhookEndpointsStep = softDeleteEntitiesStep("delete-marketing-webhook-endpoints", endpoints)
