// BENCHMARK PROTOTYPE (see ../record.ts): a public route that only answers the pixel, with no
// token check and no database: what any route costs in this host, the floor under open and click.
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

export const GET = (_req: MedusaRequest, res: MedusaResponse) => {
  res.set({ "Content-Type": "image/gif", "Cache-Control": "no-store, private, max-age=0" }).send(PIXEL)
}
