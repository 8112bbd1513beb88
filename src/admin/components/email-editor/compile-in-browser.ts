import { blocksToMjml } from "../../../modules/campaign/lib/email-blocks/to-mjml"
import type { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"

/**
 * The HTML the server will compile from `blocks`, made in the browser from the same MJML. The store's
 * address is the server's to know: product cards show without their link here.
 */
export async function compileBlocksInBrowser(blocks: EmailBlock[]): Promise<string> {
  // Loaded on first use: the compiler is large, and only the campaign form needs it.
  const { default: mjml } = await import("mjml-browser")
  const { html } = await mjml(blocksToMjml(blocks, { storefrontUrl: null }), { validationLevel: "soft" })
  return html
}
