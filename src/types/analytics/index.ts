/** What a rollup row is counted by. "all" is the whole store (dimension id ""). */
export const RollupDimension = {
  ALL: "all",
  CAMPAIGN: "campaign",
  CHANNEL: "channel",
  SEGMENT: "segment",
  PROMOTION: "promotion",
  /** A campaign's tracked link: `<campaign id>:<link position>`. */
  LINK: "link",
  /** The journey step that sent a message: `<journey id>:<step id>`. */
  JOURNEY_STEP: "journey_step",
} as const
export type RollupDimension = (typeof RollupDimension)[keyof typeof RollupDimension]

/**
 * Which model credited an order. Message metrics and the promotion ledger are credited by no model
 * ("none"); orders are counted once under each model that finds a message, and the models are shown
 * side by side, never summed.
 */
export const AttributionModel = {
  NONE: "none",
  LAST_CLICK: "last_click",
  LAST_TOUCH: "last_touch",
  CODE: "code",
} as const
export type AttributionModel = (typeof AttributionModel)[keyof typeof AttributionModel]

export const AudienceCountKind = { SEGMENT: "segment", CONSENT: "consent" } as const
export type AudienceCountKind = (typeof AudienceCountKind)[keyof typeof AudienceCountKind]
