import mjml from "mjml"
import { blocksToMjml, EmailBlocksOptions } from "./to-mjml"
import { EmailBlock } from "./types"

/** Responsive email HTML from blocks, on the server (the admin's preview uses mjml-browser on the same MJML). */
export async function renderBlocksToHtml(blocks: EmailBlock[], options: EmailBlocksOptions): Promise<string> {
  // Strict: MJML that does not validate is the compiler's bug, and must not reach an inbox half-rendered.
  const { html } = await mjml(blocksToMjml(blocks, options), { validationLevel: "strict", keepComments: false })
  return html
}
