import type { CreditingModel } from "../types/analytics"

/** The attribution models as a merchandiser reads them. */
export const ATTRIBUTION_MODEL_NAMES: Record<CreditingModel, string> = {
  last_click: "Last click",
  last_touch: "Last open or click",
  code: "Code redeemed",
}
