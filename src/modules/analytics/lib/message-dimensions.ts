import { RollupDimension } from "../../../types/analytics"

/**
 * The rows a message's metrics are counted on: the store, its channel, and its campaign and segment,
 * or its journey step, when it has them.
 */
export function messageDimensions(message: {
  campaign_id: string | null
  segment_id: string | null
  journey_id: string | null
  journey_step_id: string | null
  channel: string
}): { dimension: RollupDimension; dimension_id: string }[] {
  return [
    { dimension: RollupDimension.ALL, dimension_id: "" },
    { dimension: RollupDimension.CHANNEL, dimension_id: message.channel },
    ...(message.campaign_id ? [{ dimension: RollupDimension.CAMPAIGN, dimension_id: message.campaign_id }] : []),
    ...(message.segment_id ? [{ dimension: RollupDimension.SEGMENT, dimension_id: message.segment_id }] : []),
    ...(message.journey_id && message.journey_step_id
      ? [{ dimension: RollupDimension.JOURNEY_STEP, dimension_id: journeyStepDimensionId(message.journey_id, message.journey_step_id) }]
      : []),
  ]
}

/** A journey's step, as a journey step row's dimension id. */
export const journeyStepDimensionId = (journeyId: string, stepId: string) => `${journeyId}:${stepId}`

/** A campaign's tracked link, as a link row's dimension id. */
export const linkDimensionId = (campaignId: string, position: number) => `${campaignId}:${position}`
