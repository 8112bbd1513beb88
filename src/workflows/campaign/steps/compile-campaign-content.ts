import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderBlocksToHtml } from "../../../modules/campaign/lib/email-blocks/render-html"
import { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"
import { marketingOptions } from "../../../lib/marketing-options"

export const compileCampaignContentStepId = "compile-marketing-campaign-content"

export type CampaignContent = { channel: string; blocks?: EmailBlock[] | null }

/**
 * The HTML body of each email composed of blocks (an empty object for the others), so that delivery
 * renders, tracks and unsubscribes it as any hand-written body. Writes nothing: no compensation.
 */
export const compileCampaignContentStep = createStep(
  compileCampaignContentStepId,
  async (campaigns: CampaignContent[], { container }) => {
    const { storefront_url } = marketingOptions(container)
    const compiled = await Promise.all(
      campaigns.map(async ({ channel, blocks }): Promise<{ body?: string }> => {
        if (!blocks) return {}
        if (channel !== "email") {
          throw new MedusaError(MedusaError.Types.INVALID_DATA, `blocks: only an email is composed of blocks, not ${channel}`)
        }
        return { body: await renderBlocksToHtml(blocks, { storefrontUrl: storefront_url }) }
      })
    )
    return new StepResponse(compiled)
  }
)
