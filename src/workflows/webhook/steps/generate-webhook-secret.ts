import { randomBytes } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** A new endpoint secret: 32 random bytes, prefixed so that it is recognised where it leaks. */
export const generateWebhookSecretStep = createStep("generate-marketing-webhook-secret", async () => {
  return new StepResponse(`whsec_${randomBytes(32).toString("base64url")}`)
})
