import { Alert, Button, Container, Heading, Text } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { OPTION_SOURCES } from "../../hooks/picker-options"
import { usePromotionCostPreview } from "../../hooks/promotions"
import { costPreviewMethod, costPreviewTerms } from "../../lib/cost-preview"
import { formatAmount, formatNumber } from "../../lib/format"
import type { AdminPromotion, CostPreviewResponse } from "../../types/promotions"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/number-field"
import { SingleResourcePicker } from "../common/resource-picker"
import { SectionRow } from "../common/section-row"

const DEFAULT_LOOKBACK_DAYS = "90"

/**
 * What the promotion would cost on a segment, judged by the segment's recent orders: asked for on
 * demand, as it reads every order of the segment's customers in the window.
 */
export const CostPreviewSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const [segmentId, setSegmentId] = useState(promotion.segment_id)
  const [lookbackDays, setLookbackDays] = useState(DEFAULT_LOOKBACK_DAYS)
  const [segmentError, setSegmentError] = useState<string>()
  const preview = usePromotionCostPreview()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!segmentId) {
      setSegmentError("Choose the segment to estimate for")
      return
    }
    preview.mutate({
      promotion: costPreviewTerms(promotion),
      segment_id: segmentId,
      lookback_days: Number(lookbackDays) || Number(DEFAULT_LOOKBACK_DAYS),
    })
  }

  return (
    <Container className="divide-y p-0" role="region" aria-label="Cost preview">
      <div className="px-6 py-4">
        <Heading level="h2">Cost preview</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What it would have cost on a segment's recent orders, before you activate it.
        </Text>
      </div>
      <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-y-4 px-6 py-4">
        <FormField label="Segment" error={segmentError}>
          {(control) => (
            <SingleResourcePicker
              control={control}
              source={OPTION_SOURCES.segments}
              value={segmentId}
              onChange={(id) => {
                setSegmentId(id)
                setSegmentError(undefined)
                preview.reset()
              }}
            />
          )}
        </FormField>
        <NumberField label="Orders of the last" hint="Days, up to 730." min={1} max={730} value={lookbackDays} onChange={setLookbackDays} />
        <div className="flex justify-end">
          <Button type="submit" size="small" variant="secondary" isLoading={preview.isPending}>
            Estimate
          </Button>
        </div>
      </form>
      {preview.isError && (
        <div className="px-6 py-4">
          <Alert variant="error" dismissible={false}>
            {preview.error.message}
          </Alert>
        </div>
      )}
      {preview.data && <CostEstimateRows result={preview.data} promotion={promotion} />}
    </Container>
  )
}

const CostEstimateRows = ({ result, promotion }: { result: CostPreviewResponse; promotion: AdminPromotion }) => {
  const { estimate } = result
  const money = (amount: number) => formatAmount(amount, estimate.currency_code)
  return (
    <div className="divide-y" data-testid="cost-estimate">
      <SectionRow title="Expected cost" value={money(estimate.expected_cost)} />
      <SectionRow title="Expected redemptions" value={formatNumber(estimate.expected_redemptions)} />
      <SectionRow title="Average discount" value={money(estimate.average_discount)} />
      <SectionRow title="Customers read" value={formatNumber(estimate.customers)} />
      <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="cost-estimate-method">
        {costPreviewMethod(result, promotion)}
      </Text>
    </div>
  )
}
