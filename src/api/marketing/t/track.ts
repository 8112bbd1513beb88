import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { trackEngagementWorkflow, TrackEngagementInput } from "../../../workflows/delivery/workflows/track-engagement"
import { publicPage } from "../public-page"

const NOT_VALID = publicPage("This link is not valid", "<p>It may have been mistyped or altered.</p>")

/**
 * Runs the tracking workflow for a request; a token that is forged, altered or names nothing
 * answers 404 (and the workflow recorded nothing). Returns the recorded event, or null after a 404.
 */
export async function track(
  req: MedusaRequest,
  res: MedusaResponse,
  type: TrackEngagementInput["type"],
  position: number | null = null
) {
  try {
    const { result } = await trackEngagementWorkflow(req.scope).run({
      input: { token: req.params.token, type, position, user_agent: req.get("user-agent") ?? null, ip: req.ip ?? null },
    })
    return result
  } catch (error) {
    if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) throw error
    res.status(404).type("html").send(NOT_VALID)
    return null
  }
}
