import { asFunction, Lifetime } from "@medusajs/framework/awilix"
import { moduleProviderLoader } from "@medusajs/framework/modules-sdk"
import type { LoaderOptions, MedusaContainer } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/plugin-options"
import { MessageChannel } from "../../../types/messaging/providers"
import type { DeliveryProvider, DeliveryProviderClass } from "../../../types/messaging/providers"
import { ProviderOptionsError } from "../providers/provider-options"

/** Where a channel's provider is registered in the messaging module's container. */
export const deliveryProviderKey = (channel: MessageChannel) => `marketing_delivery_provider_${channel}`

/**
 * Registers and makes each channel's provider, a module provider of the messaging module (Medusa's
 * own moduleProviderLoader resolves it and has it validate its options), so that boot stops on a
 * provider that cannot be found, refuses its options or delivers another channel, naming the option.
 */
export default async function deliveryProvidersLoader({ container, options }: LoaderOptions) {
  const pluginOptions = parsePluginOptions(options)
  for (const channel of Object.values(MessageChannel)) {
    const provider = pluginOptions[channel]
    if (!provider) continue
    // The provider's fields sit beside a built-in's short name, or in `options` beside `resolve`.
    const optionsPath = provider.provider ? `options.${channel}` : `options.${channel}.options`
    try {
      await moduleProviderLoader({
        container: container as MedusaContainer,
        providers: [{ resolve: provider.resolve, id: channel, options: provider.options }],
        registerServiceFn: async (klass: DeliveryProviderClass, moduleContainer: MedusaContainer) => {
          moduleContainer.register(
            deliveryProviderKey(channel),
            asFunction((cradle) => providerFor(channel, new klass(cradle, provider.options)), {
              lifetime: Lifetime.SINGLETON,
            })
          )
        },
      })
      // Made now, not at the first send: an SMS provider configured for email would otherwise only fail then.
      container.resolve(deliveryProviderKey(channel))
    } catch (error) {
      throw new Error(`medusa-plugin-marketing: invalid plugin options: ${problemsOf(error, channel, optionsPath)}`)
    }
  }
}

function providerFor(channel: MessageChannel, provider: DeliveryProvider): DeliveryProvider {
  if (provider.channel !== channel) {
    throw new Error(`'${provider.name}' delivers ${provider.channel} messages, not ${channel}: configure a provider of ${channel} there`)
  }
  return provider
}

function problemsOf(error: unknown, channel: MessageChannel, optionsPath: string): string {
  if (error instanceof ProviderOptionsError) {
    return error.problems
      .map(({ field, message }) => `${field ? `${optionsPath}.${field}` : optionsPath} ${message}`)
      .join("; ")
  }
  return `options.${channel}: ${(error as Error)?.message ?? String(error)}`
}
