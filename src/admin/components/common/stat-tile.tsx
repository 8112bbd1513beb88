import { Text } from "@medusajs/ui"
import { formatNumber } from "../../lib/format"

interface StatTileProps {
  label: string
  value: number
  /** A line under the number, e.g. the rate it makes. */
  detail?: string
  testId?: string
}

/** One key figure in a tile, for a row of them in a `<dl>`. */
export const StatTile = ({ label, value, detail, testId }: StatTileProps) => (
  <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-4 py-3">
    <dt>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
    </dt>
    <dd className="txt-compact-xlarge-plus" data-testid={testId}>
      {formatNumber(value)}
    </dd>
    {detail && (
      <dd>
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          {detail}
        </Text>
      </dd>
    )}
  </div>
)
