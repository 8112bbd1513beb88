import { listRoute } from "../../../utils/query"

export const GET = listRoute("contact", "contacts")
