import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordOpenOrClick } from "../../../../../../lib/engagement"
import { clickDestination } from "../../../../../../modules/messaging/lib/click-destination"
import { engagementRequest, INVALID_LINK_PAGE, track } from "../../../track"
import { marketingOptions } from "../../../../../../lib/marketing-options"

/**
 * The click redirect: only ever to the URL the message had at that position, never one from the request
 * (into the storefront, with the click's token for attribution).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const position = /^\d{1,6}$/.test(req.params.position) ? Number(req.params.position) : null
  if (position === null) {
    res.status(404).type("html").send(INVALID_LINK_PAGE)
    return
  }
  const event = await track(res, () => recordOpenOrClick(req.scope, { ...engagementRequest(req), type: "click", position }))
  if (!event) return
  const { storefront_url } = marketingOptions(req.scope)
  res
    .set("Cache-Control", "no-store, private, max-age=0")
    .redirect(302, clickDestination(event.url!, req.params.token, storefront_url))
}
