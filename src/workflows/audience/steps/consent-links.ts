import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { InvalidTokenError, signToken, verifyToken } from "../../../lib/signed-token"
import { ConsentChannel } from "../../../types/audience/module"
import { marketingOptions } from "../../../lib/marketing-options"

export const CONFIRM_PURPOSE = "confirm-subscription"
/** A confirmation link works for a week: people confirm within minutes, or after a weekend away. */
const TTL_SECONDS = 7 * 24 * 3600
export const CONFIRM_PATH = "/marketing/consent/confirm"

/** What a confirmation link stands for: the contact, the channel, and the consent record of the request. */
export type ConfirmClaim = { contact_id: string; channel: ConsentChannel; request_id: string }

const options = (container: { resolve: (key: string) => unknown }) =>
  marketingOptions(container)

/**
 * The claim of a genuine, unexpired confirmation token. A token minted before confirmations named
 * their request has no `request_id` and is refused: it could not be confirmed only once.
 */
export function readConfirmToken(token: string, secret: string): ConfirmClaim {
  const { contact_id, channel, request_id } = verifyToken(CONFIRM_PURPOSE, token, secret)
  if (typeof contact_id !== "string" || typeof request_id !== "string" || !Object.values(ConsentChannel).includes(channel as ConsentChannel)) {
    throw new InvalidTokenError("malformed payload")
  }
  return { contact_id, channel: channel as ConsentChannel, request_id }
}

/** The signed link that confirms a pending subscription. */
export const buildConfirmLinkStep = createStep("build-marketing-confirm-link", async (claim: ConfirmClaim, { container }) => {
  const { public_url, token_secret } = options(container)
  const token = signToken(CONFIRM_PURPOSE, claim, token_secret, { ttlSeconds: TTL_SECONDS })
  return new StepResponse(`${public_url}${CONFIRM_PATH}?token=${token}`)
})

/** The claim a confirmation token stands for; a bad or expired token is 404. */
export const verifyConfirmTokenStep = createStep("verify-marketing-confirm-token", async (token: string, { container }) => {
  try {
    return new StepResponse(readConfirmToken(token, options(container).token_secret))
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This confirmation link is not valid or has expired")
    }
    throw error
  }
})
