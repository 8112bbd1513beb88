import { PluginOptions } from "../../../lib/plugin-options"
import { DeliveryProvider, MessageChannel } from "../../../types/messaging"
import { deliveryProviderKey } from "../loaders/providers"
import { TokenBucket } from "./token-bucket"

/**
 * The channels' providers in use and their pace: the messaging service's per-process state, held by one instance
 * the service owns. The providers are kept to be closed at shutdown; the pace's token buckets are this process's
 * alone, so that with several worker processes each must be given its share of a provider's rate.
 */
export class ProviderRegistry {
  /** The providers handed out; the container made each when the module loaded, and keeps it. */
  private readonly providers = new Map<MessageChannel, DeliveryProvider>()
  private readonly buckets = new Map<MessageChannel, TokenBucket>()

  constructor(
    private readonly container: Record<string, unknown>,
    private readonly options: PluginOptions
  ) {}

  /** The channel's provider, or null when the plugin options configure none. */
  provider(channel: MessageChannel): DeliveryProvider | null {
    const existing = this.providers.get(channel)
    if (existing) return existing
    if (!this.options[channel]) return null
    const provider = this.container[deliveryProviderKey(channel)] as DeliveryProvider
    this.providers.set(channel, provider)
    return provider
  }

  /** Waits until the channel's provider may take `count` more messages, at its `rate_per_second`. */
  async pace(channel: MessageChannel, count: number): Promise<void> {
    const rate = this.options[channel]?.rate_per_second
    if (!rate) return
    let bucket = this.buckets.get(channel)
    if (!bucket) this.buckets.set(channel, (bucket = new TokenBucket(rate, Date.now())))
    const wait = bucket.take(count, Date.now())
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait))
  }

  /** Closes every configured provider (at shutdown), used in this process or not: each was made at boot. */
  async close(): Promise<void> {
    const configured = Object.values(MessageChannel).flatMap((channel) => this.provider(channel) ?? [])
    await Promise.all(configured.map((provider) => provider.close()))
    this.providers.clear()
  }
}
