import { z } from "@medusajs/framework/zod"
import Message from "../../../../modules/messaging/models/message"
import { listSchema, modelSchema } from "../../../utils/model-schema"
import { messageFields } from "./query-config"

export const AdminMessage = modelSchema(Message, messageFields)
export const AdminMessageResponse = z.object({ message: AdminMessage })
export const AdminMessageListResponse = listSchema("messages", AdminMessage)
