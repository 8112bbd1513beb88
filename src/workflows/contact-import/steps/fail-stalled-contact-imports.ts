import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export const failStalledContactImportsStepId = "fail-stalled-marketing-contact-imports"

/**
 * Fails the imports that have not moved for `contact_imports.stalled_minutes`: their worker is gone (the
 * server restarted, recording their end failed twice, or their event was lost). Compensation puts them
 * back as they were.
 */
export const failStalledContactImportsStep = createStep(
  failStalledContactImportsStepId,
  async ({ now }: { now?: Date }, { container }) => {
    const { stalled_minutes } = marketingOptions(container)
      .contact_imports
    // Workflow input arrives serialised: `now` may be a date string.
    const before = new Date(new Date(now ?? Date.now()).getTime() - stalled_minutes * 60_000)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const failed = await audience.failStalledContactImports(
      before,
      `stopped: no progress for ${stalled_minutes} minutes (its worker was lost, e.g. the server restarted). ` +
        "The rows counted were imported; upload the file again to import the rest (rows already imported stay as they are)."
    )
    return new StepResponse(
      failed.map(({ id }) => id),
      failed
    )
  },
  async (failed, { container }) => {
    if (!failed?.length) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    await audience.updateContactImports(failed.map(({ id, status }) => ({ id, status, error: null, finished_at: null })))
  }
)
