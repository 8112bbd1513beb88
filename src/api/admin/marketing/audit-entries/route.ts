import { listRoute } from "../../../utils/query"

export const GET = listRoute("audit_entry", "audit_entries")
