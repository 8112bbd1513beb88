import { MedusaContainer } from "@medusajs/framework/types"
import { failStalledContactImportsWorkflow } from "../workflows/contact-import/workflows/fail-stalled-contact-imports"

/** An import in processing without progress for `contact_imports.stalled_minutes` is failed, saying why. */
export default async function failStalledContactImportsJob(container: MedusaContainer) {
  await failStalledContactImportsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-fail-stalled-contact-imports",
  schedule: "*/5 * * * *",
}
