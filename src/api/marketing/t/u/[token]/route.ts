import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicPage } from "../../../public-page"
import { engagementRequest, track } from "../../track"
import { findEngagementTarget } from "../../../../../lib/engagement"
import { unsubscribeFromMessageWorkflow } from "../../../../../workflows/delivery/workflows/unsubscribe-from-message"

/**
 * Shows a button rather than unsubscribing: mail scanners follow links, and a GET must not
 * change anyone's consent (it checks the link, the same way the POST does). Mail clients unsubscribe with the RFC 8058 one-click POST instead.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  if (!(await track(res, () => findEngagementTarget(req.scope, req.params.token, null)))) return
  res.type("html").send(
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
