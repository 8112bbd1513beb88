/**
 * What a delivery provider of a store's own may build on, importable from the package as
 * `medusa-plugin-marketing/lib/delivery-provider-kit` (docs/providers.md). The built-ins use the same helpers.
 */
export type {
  DeliveryProvider,
  DeliveryProviderClass,
  OutgoingMessage,
  RenderedContent,
  SendOutcome,
} from "../types/messaging/providers"
export type { DeliveryEventType, ProviderEvent } from "../modules/messaging/lib/webhooks/events"
export { personal } from "../modules/messaging/lib/personal-content"
export { httpFailure, outcomeFor, unansweredFailure, type Failure } from "../modules/messaging/providers/failure"
export { parseProviderOptions, ProviderOptionsError } from "../modules/messaging/providers/provider-options"
export { batchBySharedContent, type SharedContentBatch } from "../modules/messaging/providers/shared-content-batches"
