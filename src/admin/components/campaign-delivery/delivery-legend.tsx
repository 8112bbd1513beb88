import { clx, Text } from "@medusajs/ui"
import { formatNumber } from "../../lib/format"
import type { DeliveryShare } from "./delivery-breakdown"

/** The numbers behind the delivery bar, each beside a dot of its stretch's colour. */
export const DeliveryLegend = ({ shares }: { shares: DeliveryShare[] }) => (
  <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-4">
    {shares.map((share) => (
      <div key={share.id} className="flex items-start gap-x-2">
        <span aria-hidden className={clx("mt-1 size-2 shrink-0 rounded-full", share.colour)} />
        <div className="flex flex-col">
          <dt>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {share.label}
            </Text>
          </dt>
          <dd className="txt-compact-medium-plus" data-testid={`delivery-${share.id}`}>
            {formatNumber(share.count)}
          </dd>
          {share.detail && (
            <dd>
              <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                {share.detail}
              </Text>
            </dd>
          )}
        </div>
      </div>
    ))}
  </dl>
)
