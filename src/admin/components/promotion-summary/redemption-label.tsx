import { codeSummary } from "../../lib/promotion-display"
import type { AdminPromotion } from "../../types/promotions"

/** How shoppers get the promotion: its shared code as code, or the kind of redemption in words. */
export const RedemptionLabel = ({ promotion }: { promotion: Pick<AdminPromotion, "code_mode" | "code"> }) =>
  promotion.code_mode === "shared" ? <code className="font-mono">{codeSummary(promotion)}</code> : <>{codeSummary(promotion)}</>
