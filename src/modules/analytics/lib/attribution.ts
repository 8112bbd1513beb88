import { AttributionModel } from "../../../types/analytics"

const DAY_MS = 86_400_000

/** An order as the attribution models see it. */
export interface AttributableOrder {
  placed_at: Date
  /** The tracked click the shopper arrived through, as recorded at checkout (today's mechanism). */
  click: { message_id: string; at: Date } | null
  /** The codes the order redeemed. */
  codes: string[]
}

/** A person's open or click of a message, recorded without a machine flag. */
export interface Touch {
  message_id: string
  at: Date
}

/** The message that carried a code assigned to a contact: the contact's message of the code's campaign. */
export interface CodeCarrier {
  code: string
  message_id: string
  sent_at: Date
}

export interface Attribution {
  model: Exclude<AttributionModel, "none">
  message_id: string
}

type Dated = { message_id: string; at: Date }

/** The latest, ties broken by the greater message id, so that the SQL's ORDER BY picks the same. */
function latest<T extends Dated>(candidates: T[]): T | null {
  let best: T | null = null
  for (const candidate of candidates) {
    const order = best === null ? 1 : candidate.at.getTime() - best.at.getTime() || (candidate.message_id > best.message_id ? 1 : -1)
    if (order > 0) best = candidate
  }
  return best
}

/** Within the window: not after the order, and at most `days` before it. */
const within = (order: AttributableOrder, days: number) => (at: Date) =>
  at.getTime() <= order.placed_at.getTime() && at.getTime() >= order.placed_at.getTime() - days * DAY_MS

/** Last click: the message of the tracked click the order came through, if within `days`. */
export function lastClick(order: AttributableOrder, days: number): Attribution | null {
  return order.click && within(order, days)(order.click.at) ? { model: "last_click", message_id: order.click.message_id } : null
}

/**
 * Last touch: the latest message the customer opened or clicked within `days` before the order,
 * the click the order came through included (a guest has no other touches).
 */
export function lastTouch(order: AttributableOrder, touches: Touch[], days: number): Attribution | null {
  const inWindow = within(order, days)
  const candidates: Dated[] = touches.filter((touch) => inWindow(touch.at))
  if (order.click && inWindow(order.click.at)) candidates.push(order.click)
  const touch = latest(candidates)
  return touch ? { model: "last_touch", message_id: touch.message_id } : null
}

/**
 * Code redemption: the latest message sent before the order that carried one of the codes it
 * redeemed, clicked or not. The code is the evidence, so no window applies.
 */
export function codeRedemption(order: AttributableOrder, carriers: CodeCarrier[]): Attribution | null {
  const redeemed = new Set(order.codes)
  const carrier = latest(
    carriers
      .filter((c) => redeemed.has(c.code) && c.sent_at.getTime() <= order.placed_at.getTime())
      .map((c) => ({ message_id: c.message_id, at: c.sent_at }))
  )
  return carrier ? { model: "code", message_id: carrier.message_id } : null
}

/** Every model's message for one order: at most one per model. */
export function attributeOrder(
  order: AttributableOrder,
  evidence: { touches: Touch[]; carriers: CodeCarrier[]; days: number }
): Attribution[] {
  return [
    lastClick(order, evidence.days),
    lastTouch(order, evidence.touches, evidence.days),
    codeRedemption(order, evidence.carriers),
  ].filter((attribution): attribution is Attribution => attribution !== null)
}
