import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { EngagementRequest } from "../../../lib/engagement"
import { publicPage } from "../public-page"

export const INVALID_LINK_PAGE = publicPage("This link is not valid", "<p>It may have been mistyped or altered.</p>")

/** What a tracking request says: its token, and who or what followed the link. */
export const engagementRequest = (req: MedusaRequest): EngagementRequest => ({
  token: req.params.token,
  user_agent: req.get("user-agent") ?? null,
  ip: req.ip ?? null,
})

/**
 * Runs `record`; a token that is forged, altered or names nothing answers 404, and nothing was
 * recorded. Returns what `record` returned, or null after a 404.
 */
export async function track<T>(res: MedusaResponse, record: () => Promise<T>): Promise<T | null> {
  try {
    return await record()
  } catch (error) {
    if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) throw error
    res.status(404).type("html").send(INVALID_LINK_PAGE)
    return null
  }
}
