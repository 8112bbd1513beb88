import { listRoute } from "../../../utils/query"

/** The message log: who got what, when, and how it went. */
export const GET = listRoute("message", "messages")
