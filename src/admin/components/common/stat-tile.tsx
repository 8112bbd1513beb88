import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { formatNumber } from "../../lib/format"

interface StatTileProps {
  label: string
  /** A count, or text already formatted (an amount in its currency). */
  value: number | string
  /** A line under the number, e.g. the rate it makes. */
  detail?: string
  testId?: string
  /** Under the figure, e.g. a bar of how much of a limit it uses. */
  children?: ReactNode
}

/** One key figure in a tile, for a row of them in a `<dl>`. */
export const StatTile = ({ label, value, detail, testId, children }: StatTileProps) => (
  <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-4 py-3">
    <dt>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
    </dt>
    <dd className="txt-compact-xlarge-plus" data-testid={testId}>
      {typeof value === "number" ? formatNumber(value) : value}
    </dd>
    {detail && (
      <dd>
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          {detail}
        </Text>
      </dd>
    )}
    {children && <dd className="pt-1">{children}</dd>}
  </div>
)
