import { Container, Heading } from "@medusajs/ui"
import type { PromotionItemTarget } from "../../../types/promotion/module"
import { OPTION_SOURCES } from "../../hooks/picker-options"
import { formatNumber } from "../../lib/format"
import { PROMOTION_TYPES, promotionAmount, STACKING_RULES } from "../../lib/promotion-display"
import type { AdminPromotion } from "../../types/promotions"
import { SectionRow } from "../common/section-row"
import { PickedNames } from "./picked-names"

/** Every term of the promotion: what it gives, to whom, on what, and how often. */
export const PromotionTermsSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const amount = (value: number | null) => (value == null ? null : promotionAmount(value, promotion))
  const count = (value: number | null) => (value == null ? null : formatNumber(value))
  const rule = promotion.buy_get
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Terms</Heading>
      </div>
      <SectionRow title="Type" value={PROMOTION_TYPES[promotion.type].label} />
      {promotion.type === "percentage" && <SectionRow title="Percentage off" value={count(promotion.value)} />}
      {promotion.type === "fixed" && <SectionRow title="Amount off" value={amount(promotion.value)} />}
      <SectionRow title="Currency" value={promotion.currency_code?.toUpperCase()} />
      {promotion.tiers?.length ? (
        <SectionRow
          title="Tiers"
          value={[...promotion.tiers]
            .sort((a, b) => a.threshold - b.threshold)
            .map((tier) => `Spend ${amount(tier.threshold)}: ${amount(tier.value)} off`)
            .join("\n")}
        />
      ) : null}
      {rule && (
        <>
          <SectionRow title={`Buy ${rule.buy_quantity} of`} value={<TargetNames target={rule.buy_target} />} />
          <SectionRow
            title={`Get ${rule.get_quantity} of`}
            value={
              <>
                <TargetNames target={rule.get_target} />
                {rule.get_percentage < 100 && <span>at {formatNumber(rule.get_percentage)}% off</span>}
              </>
            }
          />
        </>
      )}
      {promotion.type !== "buy_get" && promotion.type !== "free_shipping" && (
        <SectionRow title="Items" value={hasTarget(promotion.target) ? <TargetNames target={promotion.target} /> : "Every item"} />
      )}
      <SectionRow
        title="Segment"
        value={promotion.segment_id ? <PickedNames source={OPTION_SOURCES.segments} ids={[promotion.segment_id]} /> : "Everyone"}
      />
      <SectionRow
        title="Customer groups"
        value={
          promotion.customer_group_ids.length ? (
            <PickedNames source={OPTION_SOURCES.customerGroups} ids={promotion.customer_group_ids} />
          ) : (
            "Any"
          )
        }
      />
      <SectionRow title="Minimum spend" value={amount(promotion.min_subtotal)} />
      <SectionRow title="Usage limit" value={count(promotion.usage_limit)} />
      <SectionRow title="Per customer" value={count(promotion.per_customer_limit)} />
      <SectionRow title="Budget" value={amount(promotion.budget_amount)} />
      <SectionRow
        title="Stacking"
        value={
          promotion.stacking === "priority"
            ? `${STACKING_RULES.priority.label} (${formatNumber(promotion.priority)})`
            : STACKING_RULES[promotion.stacking].label
        }
      />
    </Container>
  )
}

const hasTarget = (target: PromotionItemTarget) =>
  target.product_ids.length + target.category_ids.length + target.collection_ids.length > 0

const TargetNames = ({ target }: { target: PromotionItemTarget }) => (
  <>
    <PickedNames source={OPTION_SOURCES.products} ids={target.product_ids} />
    <PickedNames source={OPTION_SOURCES.categories} ids={target.category_ids} />
    <PickedNames source={OPTION_SOURCES.collections} ids={target.collection_ids} />
  </>
)
