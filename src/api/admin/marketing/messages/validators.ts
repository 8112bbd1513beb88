import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { MessageChannel, MessageStatus } from "../../../../types/messaging"
import { oneOrMany } from "../../../utils/validators"

export const AdminGetMessagesParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" })
  .extend({
    id: oneOrMany(z.string()).optional(),
    campaign_id: oneOrMany(z.string()).optional(),
    contact_id: oneOrMany(z.string()).optional(),
    channel: oneOrMany(z.enum(MessageChannel)).optional(),
    status: oneOrMany(z.enum(MessageStatus)).optional(),
    to: z.string().optional(),
    is_test: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
    created_at: createOperatorMap().optional(),
    sent_at: createOperatorMap().optional(),
  })
  .strict()

export const AdminGetMessageParams = z.strictObject({ fields: z.string().optional() })
