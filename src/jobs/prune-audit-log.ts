import { MedusaContainer } from "@medusajs/framework/types"
import { pruneAuditEntriesWorkflow } from "../workflows/audit/workflows/prune-audit-entries"

export default async function pruneAuditLog(container: MedusaContainer) {
  await pruneAuditEntriesWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-prune-audit-log",
  schedule: "17 3 * * *",
}
