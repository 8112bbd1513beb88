import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { nativePromotionPath } from "../../lib/paths"
import type { AdminPromotion, LinkedNativePromotion } from "../../types/promotions"
import { SectionRow } from "../common/section-row"

const NATIVE_STATUS_COLORS = { active: "green", inactive: "grey", draft: "grey" } as const

/**
 * The native promotions that carry it to the cart: one per spend tier, one for a shared code or an
 * automatic promotion, and one per generated code a shopper applied.
 */
export const NativePromotionsSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const natives = (promotion.promotions ?? []).filter((native): native is LinkedNativePromotion => native !== null)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Native promotions</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Made and kept in step by marketing: change the terms here, not there.
        </Text>
      </div>
      {natives.length ? (
        natives.map((native) => (
          <SectionRow
            key={native.id}
            title={native.code}
            value={
              <>
                <Link to={nativePromotionPath(native.id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                  Open
                </Link>
                <Badge size="2xsmall" color={NATIVE_STATUS_COLORS[native.status]}>
                  {native.status}
                </Badge>
              </>
            }
          />
        ))
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {promotion.code_mode === "unique"
            ? "None yet: a generated code gets its native promotion when a shopper first applies it."
            : "None yet."}
        </Text>
      )}
    </Container>
  )
}
