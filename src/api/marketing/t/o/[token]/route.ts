import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordOpenOrClick } from "../../../../../lib/engagement"
import { engagementRequest, track } from "../../track"

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

/** The open pixel. Never cached, so that every open reaches us. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const event = await track(res, () => recordOpenOrClick(req.scope, { ...engagementRequest(req), type: "open", position: null }))
  if (!event) return
  res.set({ "Content-Type": "image/gif", "Cache-Control": "no-store, private, max-age=0" }).send(PIXEL)
}
