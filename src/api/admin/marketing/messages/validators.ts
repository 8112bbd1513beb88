import { z } from "@medusajs/framework/zod"
import { MessageChannel, MessageStatus } from "../../../../types/messaging"
import { dateFilter, findParams, idString, MAX_LENGTH, oneOrMany, queryBoolean, selectParams } from "../../../utils/validators"
import { messageFields } from "./query-config"

export const AdminGetMessagesParams = findParams({ limit: 50, offset: 0, order: "-created_at" }, messageFields)
  .extend({
    id: oneOrMany(idString).optional(),
    campaign_id: oneOrMany(idString).optional(),
    contact_id: oneOrMany(idString).optional(),
    channel: oneOrMany(z.enum(MessageChannel)).optional(),
    status: oneOrMany(z.enum(MessageStatus)).optional(),
    to: z.string().max(MAX_LENGTH.address).optional(),
    is_test: queryBoolean().optional(),
    created_at: dateFilter().optional(),
    sent_at: dateFilter().optional(),
  })
  .strict()

export const AdminGetMessageParams = selectParams()
