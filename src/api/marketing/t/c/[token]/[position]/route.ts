import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordOpenOrClick } from "../../../../../../lib/engagement"
import { engagementRequest, INVALID_LINK_PAGE, track } from "../../../track"

/** The click redirect: only ever to the URL the message had at that position, never one from the request. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const position = /^\d{1,6}$/.test(req.params.position) ? Number(req.params.position) : null
  if (position === null) {
    res.status(404).type("html").send(INVALID_LINK_PAGE)
    return
  }
  const event = await track(res, () => recordOpenOrClick(req.scope, { ...engagementRequest(req), type: "click", position }))
  if (!event) return
  res.set("Cache-Control", "no-store, private, max-age=0").redirect(302, event.url!)
}
