import { AttributionModel, RollupDimension } from "../../../types/analytics"
import { RawMessage, RawMessageEvent } from "./raw-data"
import { linkDimensionId, messageDimensions } from "./message-dimensions"
import { addTo, Counter, Rollup } from "./rollup"
import { storeDay } from "./store-day"

type UniqueCounter = Exclude<Counter, "sent" | "clicks" | "orders" | "codes_redeemed">

const REFUSALS = new Set(["bounce", "dropped", "failed"])

/**
 * The counters for which an event is the message's first of its kind; people are counted once per
 * message however often they open. Machine opens and clicks count for nothing. A refusal the
 * provider did not call permanent is a soft bounce.
 */
export function uniqueCountersOf(event: Pick<RawMessageEvent, "type" | "flag" | "permanent">): UniqueCounter[] {
  if (REFUSALS.has(event.type)) return [event.permanent ? "bounced_hard" : "bounced_soft"]
  if (event.type === "delivered") return ["delivered"]
  if (event.type === "complaint") return ["complained"]
  if (event.flag !== null) return []
  if (event.type === "open") return ["opened"]
  if (event.type === "click") return ["opened", "clicked"]
  return ["unsubscribed"]
}

/** Events in the order they were recorded, which decides which of a message's events was first. */
export const recordedOrder = (a: RawMessageEvent, b: RawMessageEvent) =>
  a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The message rollup (the specification the SQL refresh is tested against): sends on the day they
 * went out; each first delivery, bounce, complaint, human open, click and unsubscribe of a message
 * on the day it occurred; every human click on its link. Test sends count for nothing.
 */
export function rollupMessages(messages: RawMessage[], events: RawMessageEvent[], timezone: string): Rollup {
  const rollup: Rollup = new Map()
  const real = new Map(messages.filter((m) => !m.is_test).map((m) => [m.id, m]))
  const ones = (counters: Counter[]) => Object.fromEntries(counters.map((counter) => [counter, 1]))
  const count = (message: RawMessage, at: Date, counters: Counter[]) => {
    if (!counters.length) return
    const day = storeDay(at, timezone)
    for (const dimension of messageDimensions(message)) {
      addTo(rollup, { day, ...dimension, attribution_model: AttributionModel.NONE, currency_code: "" }, ones(counters))
    }
  }
  for (const message of real.values()) if (message.sent_at) count(message, message.sent_at, ["sent"])

  const seen = new Set<string>()
  const first = (...key: (string | number)[]) => !seen.has(key.join("\u0000")) && (seen.add(key.join("\u0000")), true)
  for (const event of [...events].sort(recordedOrder)) {
    const message = real.get(event.message_id)
    if (!message) continue
    const humanClick = event.type === "click" && event.flag === null
    const counters: Counter[] = uniqueCountersOf(event).filter((counter) => first(message.id, counter))
    count(message, event.occurred_at, humanClick ? [...counters, "clicks"] : counters)
    if (humanClick && event.link_position !== null && message.campaign_id) {
      const link = {
        day: storeDay(event.occurred_at, timezone),
        dimension: RollupDimension.LINK,
        dimension_id: linkDimensionId(message.campaign_id, event.link_position),
        attribution_model: AttributionModel.NONE,
        currency_code: "",
      }
      addTo(rollup, link, ones(first(message.id, "link", event.link_position) ? ["clicked", "clicks"] : ["clicks"]))
    }
  }
  return rollup
}
