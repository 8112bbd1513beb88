import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { InvalidTokenError, signToken, verifyToken } from "../../../lib/signed-token"
import CampaignModuleService from "../../../modules/campaign/service"
import { ConsentChannel } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"

export const CONFIRM_PURPOSE = "confirm-subscription"
/** A confirmation link works for a week. */
const TTL_SECONDS = 7 * 24 * 3600
export const CONFIRM_PATH = "/marketing/consent/confirm"

const options = (container: { resolve: (key: string) => unknown }) =>
  (container.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()

/** The signed link that confirms a pending subscription. */
export const buildConfirmLinkStep = createStep(
  "build-marketing-confirm-link",
  async ({ contact_id, channel }: { contact_id: string; channel: ConsentChannel }, { container }) => {
    const { public_url, token_secret } = options(container)
    const token = signToken(CONFIRM_PURPOSE, { contact_id, channel }, token_secret, { ttlSeconds: TTL_SECONDS })
    return new StepResponse(`${public_url}${CONFIRM_PATH}?token=${token}`)
  }
)

/** The contact and channel a confirmation token stands for; a bad or expired token is 404. */
export const verifyConfirmTokenStep = createStep(
  "verify-marketing-confirm-token",
  async (token: string, { container }) => {
    try {
      const { contact_id, channel } = verifyToken(CONFIRM_PURPOSE, token, options(container).token_secret)
      return new StepResponse({ contact_id: String(contact_id), channel: channel as ConsentChannel })
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, "This confirmation link is not valid or has expired")
      }
      throw error
    }
  }
)
