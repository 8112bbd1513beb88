import { Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { compileBlocksInBrowser } from "./compile-in-browser"

const COMPILE_DELAY_MS = 300

/**
 * The email as it is being composed, merge tags as written. `sandbox=""` allows nothing: the message
 * cannot run scripts or reach the admin.
 */
export const LivePreview = ({ blocks }: { blocks: EmailBlock[] }) => {
  const settled = useDebouncedValue(blocks, COMPILE_DELAY_MS)
  const [html, setHtml] = useState<string>()
  useEffect(() => {
    let current = true
    if (settled.length) compileBlocksInBrowser(settled).then((compiled) => current && setHtml(compiled))
    return () => {
      current = false
    }
  }, [settled])

  if (!blocks.length) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Add blocks to see the email here.
      </Text>
    )
  }
  return <iframe title="Email draft preview" sandbox="" srcDoc={html ?? ""} className="h-[420px] w-full rounded-lg border bg-white" />
}
