import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { track } from "../../track"

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

/** The open pixel. Never cached, so that every open reaches us. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  if (!(await track(req, res, "open"))) return
  res.set({ "Content-Type": "image/gif", "Cache-Control": "no-store, private, max-age=0" }).send(PIXEL)
}
