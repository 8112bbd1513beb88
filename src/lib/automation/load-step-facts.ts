import { MedusaContainer } from "@medusajs/framework/types"
import AudienceModuleService from "../../modules/audience/service"
import { EnrollmentPosition, eventWaitBegan, FactName, PreparedJourney, requiredFacts, StepFacts } from "../../modules/automation/lib/advance"
import type { StepOf } from "../../modules/automation/lib/journey-schema"
import AutomationModuleService from "../../modules/automation/service"
import MessagingModuleService from "../../modules/messaging/service"
import { MarketingModule } from "../../types/modules"
import { reachableAmong } from "./reachable-among"
import { marketingOptions } from "../marketing-options"

/** An enrollment being run: its version prepared, and where it stands. */
export type RunningEnrollment = { journey: PreparedJourney; position: EnrollmentPosition }

export const CONTACT_FACT_FIELDS = ["id", "email", "phone", "customer_id", "email_consent", "sms_consent", "timezone"] as const
export type ContactFacts = { id: string; email: string | null; phone: string | null; customer_id: string | null; email_consent: string | null; sms_consent: string | null; timezone: string | null }

/**
 * Looks up, for a batch of enrollments, the facts `requiredFacts` names for each — and only those —
 * with one query per kind of fact (per condition text or segment), never one per enrollment.
 */
export async function loadStepFacts(container: MedusaContainer, running: RunningEnrollment[], contacts: Map<string, ContactFacts>) {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  const options = marketingOptions(container)
  const needs = running.map((r) => new Set<FactName>(requiredFacts(r.journey, r.position)))
  const facts: StepFacts[] = running.map(() => ({}))
  const needing = (fact: FactName) => running.filter((_, i) => needs[i].has(fact))
  const each = (fact: FactName, value: (r: RunningEnrollment) => unknown) =>
    running.forEach((r, i) => needs[i].has(fact) && Object.assign(facts[i], { [fact]: value(r) }))
  const stepOf = (r: RunningEnrollment) => r.journey.graph.steps.get(r.position.step_id)!

  // Contacts matched by a condition text, evaluated once per text for all the contacts that need it.
  const matching = async (pairs: { dsl: string; contact_id: string }[]) => {
    const byDsl = new Map<string, string[]>()
    for (const { dsl, contact_id } of pairs) byDsl.set(dsl, [...(byDsl.get(dsl) ?? []), contact_id])
    const matched = new Set<string>()
    for (const [dsl, ids] of byDsl) {
      for (const id of await audience.contactsMatching(await audience.compileSegment(dsl), [...new Set(ids)])) matched.add(`${dsl}\n${id}`)
    }
    return (dsl: string, contactId: string) => matched.has(`${dsl}\n${contactId}`)
  }

  if (needing("unsubscribed").length) {
    const ids = needing("unsubscribed").map((r) => r.position.contact_id)
    const reachable = await reachableAmong(audience, "email", ids)
    each("unsubscribed", (r) => {
      const contact = contacts.get(r.position.contact_id)
      // Unsubscribed, or subscribed with an address that was suppressed since.
      return !contact || contact.email_consent === "unsubscribed" || (contact.email_consent === "subscribed" && !!contact.email && !reachable.has(contact.id))
    })
  }

  if (needing("goal_order").length || needing("purchased_since_entry").length) {
    const wanting = [...needing("goal_order"), ...needing("purchased_since_entry")]
    const since = new Date(Math.min(...wanting.map((r) => r.position.entered_at.getTime())))
    const purchases = await audience.purchasesSince([...new Set(wanting.map((r) => r.position.contact_id))], since)
    const ordersSince = (r: RunningEnrollment) => {
      const orders = new Map<string, { id: string; revenue: number; currency_code: string }>()
      for (const p of purchases) {
        if (p.contact_id !== r.position.contact_id || new Date(p.purchased_at) < r.position.entered_at) continue
        const order = orders.get(p.order_id) ?? { id: p.order_id, revenue: 0, currency_code: p.currency_code }
        order.revenue += Number(p.amount)
        orders.set(p.order_id, order)
      }
      return [...orders.values()]
    }
    const goalFilters = await matching(
      needing("goal_order").filter((r) => r.journey.goal?.filter).map((r) => ({ dsl: r.journey.goal!.filter!, contact_id: r.position.contact_id }))
    )
    each("goal_order", (r) => {
      const filter = r.journey.goal?.filter
      if (filter && !goalFilters(filter, r.position.contact_id)) return null
      return ordersSince(r)[0] ?? null
    })
    each("purchased_since_entry", (r) => ordersSince(r).length > 0)
  }

  if (needing("condition").length) {
    const conditionOf = (r: RunningEnrollment) => (stepOf(r) as any).condition.condition as string
    const holds = await matching(needing("condition").map((r) => ({ dsl: conditionOf(r), contact_id: r.position.contact_id })))
    each("condition", (r) => holds(conditionOf(r), r.position.contact_id))
  }

  if (needing("left_segment").length) {
    const bySegment = new Map<string, string[]>()
    for (const r of needing("left_segment")) {
      const id = r.journey.exit.when_left_segment!
      bySegment.set(id, [...(bySegment.get(id) ?? []), r.position.contact_id])
    }
    const inside = new Set<string>()
    for (const [segmentId, ids] of bySegment) {
      const [segment] = await audience.listSegments({ id: segmentId }, { select: ["id", "handle", "kind", "dsl"] })
      // A segment deleted since publishing contains no one: its members have left it.
      if (!segment) continue
      for (const id of await audience.contactsMatching(await audience.compileSegmentMembership(segment), ids)) inside.add(`${segmentId}:${id}`)
    }
    each("left_segment", (r) => !inside.has(`${r.journey.exit.when_left_segment}:${r.position.contact_id}`))
  }

  /** Per enrollment, the open and click of the message an earlier send step sent it; null when none was sent. */
  const messagesOf = async (wanting: RunningEnrollment[], referenced: (r: RunningEnrollment) => string) => {
    const runs = await automation.listJourneyStepRuns(
      { enrollment_id: wanting.map((r) => r.position.enrollment_id), step_id: wanting.map(referenced) },
      { select: ["enrollment_id", "step_id", "detail", "at"], order: { at: "DESC" }, take: null }
    )
    const messageIds = runs.map((run: any) => run.detail?.message_id).filter(Boolean) as string[]
    const messages = new Map(
      (messageIds.length ? await messaging.listMessages({ id: messageIds }, { select: ["id", "opened_at", "clicked_at"], take: null }) : []).map(
        (m) => [m.id, m]
      )
    )
    return (r: RunningEnrollment) => {
      const run: any = runs.find((x: any) => x.enrollment_id === r.position.enrollment_id && x.step_id === referenced(r))
      const message = run?.detail?.message_id ? messages.get(run.detail.message_id) : undefined
      return message ? { opened: !!message.opened_at, clicked: !!message.clicked_at } : null
    }
  }

  if (needing("engagement").length) {
    const engagementOf = await messagesOf(needing("engagement"), (r) => (stepOf(r) as any).condition.step_id)
    each("engagement", engagementOf)
  }

  if (needing("awaited_event").length) {
    const awaitedOf = (r: RunningEnrollment) => (stepOf(r) as StepOf<"wait"> & { wait: { type: "event" } }).wait.event
    const onMessages = needing("awaited_event").filter((r) => awaitedOf(r).type.startsWith("message_"))
    const messageOf = onMessages.length ? await messagesOf(onMessages, (r) => (awaitedOf(r) as { step_id: string }).step_id) : () => null
    const onEvents = needing("awaited_event").filter((r) => !awaitedOf(r).type.startsWith("message_"))
    const began = (r: RunningEnrollment) => eventWaitBegan(stepOf(r) as StepOf<"wait">, r.position.waiting_until!)
    const events = onEvents.length
      ? await automation.listJourneyEvents(
          {
            contact_id: [...new Set(onEvents.map((r) => r.position.contact_id))],
            occurred_at: { $gte: new Date(Math.min(...onEvents.map((r) => began(r).getTime()))) },
          },
          { select: ["contact_id", "type", "name", "occurred_at"], take: null }
        )
      : []
    each("awaited_event", (r) => {
      const awaited = awaitedOf(r)
      switch (awaited.type) {
        case "message_opened":
        case "message_clicked": {
          const message = messageOf(r)
          // Clicking implies having opened, as for engagement branches.
          return !!message && (awaited.type === "message_clicked" ? message.clicked : message.opened || message.clicked)
        }
        case "order_placed":
        case "custom_event":
          return events.some(
            (e) =>
              e.contact_id === r.position.contact_id &&
              new Date(e.occurred_at) >= began(r) &&
              (awaited.type === "order_placed" ? e.type === "order_placed" : e.type === "custom_event" && e.name === awaited.name)
          )
      }
    })
  }

  each("timezone", (r) => contacts.get(r.position.contact_id)?.timezone ?? options.default_timezone)
  return facts
}
