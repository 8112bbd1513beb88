import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicPage } from "../../../public-page"
import { engagementRequest, INVALID_LINK_PAGE, track } from "../../track"
import { InvalidTokenError, verifyToken } from "../../../../../lib/signed-token"
import CampaignModuleService from "../../../../../modules/campaign/service"
import { TRACKING_PURPOSE } from "../../../../../modules/messaging/lib/compose-message"
import { MarketingModule } from "../../../../../types/modules"
import { unsubscribeFromMessageWorkflow } from "../../../../../workflows/delivery/workflows/unsubscribe-from-message"

/**
 * Shows a button rather than unsubscribing: mail scanners follow links, and a GET must not
 * change anyone's consent. Mail clients unsubscribe with the RFC 8058 one-click POST instead.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { token_secret } = (req.scope.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()
  res.type("html")
  try {
    verifyToken(TRACKING_PURPOSE, req.params.token, token_secret)
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error
    res.status(404).send(INVALID_LINK_PAGE)
    return
  }
  res.send(
    publicPage(
      "Unsubscribe",
      `<p>You will no longer receive these messages.</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`
    )
  )
}

/** RFC 8058 one-click (body `List-Unsubscribe=One-Click`) or the page's button. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const unsubscribed = await track(res, () => unsubscribeFromMessageWorkflow(req.scope).run({ input: engagementRequest(req) }))
  if (!unsubscribed) return
  const oneClick = (req.body as Record<string, unknown> | undefined)?.["List-Unsubscribe"] === "One-Click"
  if (oneClick) {
    res.status(200).end()
    return
  }
  res.type("html").send(publicPage("You are unsubscribed", "<p>You will no longer receive these messages.</p>"))
}
