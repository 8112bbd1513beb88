import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { CompiledSegment } from "../modules/audience/lib/segment-dsl/compile"
import { SegmentDslError } from "../modules/audience/lib/segment-dsl/errors"
import AudienceModuleService from "../modules/audience/service"
import MessagingModuleService from "../modules/messaging/service"
import { CampaignChannel } from "../types/campaign/module"
import { MarketingModule } from "../types/modules"
import { marketingOptions } from "./marketing-options"

/**
 * How many of a segment's contacts a campaign sent now would queue a message for, per channel: the
 * fan-out's rules (consent, not suppressed, under the channel's frequency cap). Quiet hours only
 * delay a message, so they do not lower the count.
 */
export async function countReachableAudience(
  container: MedusaContainer,
  segmentId: string,
  channels: readonly CampaignChannel[]
): Promise<Partial<Record<CampaignChannel, number>>> {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const segment = await audience.retrieveSegment(segmentId, { select: ["id", "name", "handle", "kind", "dsl"] })
  let compiled
  try {
    compiled = await audience.compileSegmentMembership(segment)
  } catch (error) {
    if (!(error instanceof SegmentDslError)) throw error
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Segment '${segment.name}' cannot be evaluated: ${error.message}`)
  }
  return countReachable(container, compiled, channels)
}

/** How many contacts a compiled condition (a saved segment's, or text being typed) reaches on each channel now. */
export async function countReachable(
  container: MedusaContainer,
  compiled: Pick<CompiledSegment, "where" | "params">,
  channels: readonly CampaignChannel[]
): Promise<Partial<Record<CampaignChannel, number>>> {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  const { frequency_caps } = marketingOptions(container)
  const counts = await Promise.all(
    channels.map(async (channel) => {
      const cap = frequency_caps[channel]
      const capped = cap ? await messaging.contactsAtFrequencyCap(channel, cap) : []
      return [channel, await audience.countReachableContacts(compiled, channel, capped)] as const
    })
  )
  return Object.fromEntries(counts)
}
