// The selling setup every order needs, as Medusa's starter seed builds it: store currency, a
// region, tax regions, a warehouse that ships to the region, shipping options and a storefront key.
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const CURRENCY = "eur"
/** Euro countries only, so the one region's currency is the one its customers pay in. */
export const COUNTRIES = ["de", "fr", "nl", "be", "at", "es", "it", "ie"]
/** Every seeded order ships standard, at this price. */
export const STANDARD_SHIPPING = "Standard Shipping"
export const SHIPPING_PRICE = 5

export type DemoStore = {
  regionId: string
  salesChannelId: string
  shippingOptionId: string
  /** The storefront's publishable key, sent as `x-publishable-api-key`. */
  publishableKey: string
}

export async function seedStore(container: MedusaContainer): Promise<DemoStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  // Medusa creates the store, its default sales channel and shipping profile when it first boots
  // (`medusa exec` too).
  const [store] = await container.resolve(Modules.STORE).listStores()
  const [salesChannel] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: "Default Sales Channel" })

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Northwind Outfitters",
        supported_currencies: [{ currency_code: CURRENCY, is_default: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "Europe", currency_code: CURRENCY, countries: COUNTRIES, payment_providers: ["pp_system_default"] },
      ],
    },
  })
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_region_id: region.id } },
  })
  await createTaxRegionsWorkflow(container).run({
    input: COUNTRIES.map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })

  const { result: [warehouse] } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        { name: "Rotterdam Warehouse", address: { address_1: "Waalhaven 12", city: "Rotterdam", country_code: "NL" } },
      ],
    },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: warehouse.id, add: [salesChannel.id] },
  })

  const [shippingProfile] = await fulfillment.listShippingProfiles({ type: "default" })
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Rotterdam Warehouse delivery",
    type: "shipping",
    service_zones: [
      { name: "Europe", geo_zones: COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })) },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const shippingOption = (name: string, code: string, description: string, amount: number) => ({
    name,
    price_type: "flat" as const,
    provider_id: "manual_manual",
    service_zone_id: fulfillmentSet.service_zones[0].id,
    shipping_profile_id: shippingProfile.id,
    type: { label: name, description, code },
    prices: [{ currency_code: CURRENCY, amount }, { region_id: region.id, amount }],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
      { attribute: "is_return", value: "false", operator: "eq" as const },
    ],
  })
  const { result: shippingOptions } = await createShippingOptionsWorkflow(container).run({
    input: [
      shippingOption(STANDARD_SHIPPING, "standard", "Delivered in 2-4 days.", SHIPPING_PRICE),
      shippingOption("Express Shipping", "express", "Delivered the next day.", 12),
    ],
  })

  const { result: [publishableKey] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Demo storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: publishableKey.id, add: [salesChannel.id] },
  })

  const standard = shippingOptions.find((option) => option.name === STANDARD_SHIPPING)!
  return {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    shippingOptionId: standard.id,
    publishableKey: publishableKey.token,
  }
}
