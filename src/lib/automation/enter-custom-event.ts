import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { microBatch } from "../micro-batch"
import {
  enrollTriggeredContactsWorkflow,
  TriggeredContact,
  TriggeredContactEntry,
} from "../../workflows/automation/workflows/enroll-triggered-contacts"

export type CustomEventPosting = TriggeredContact & { event_name: string }

type Call = { container: MedusaContainer; posting: CustomEventPosting }
type Outcome = { entry: TriggeredContactEntry } | { error: unknown }

/** One batcher per application (its automation module), so that postings only join others of the same app. */
const batchers = new WeakMap<object, (call: Call) => Promise<Outcome>>()

/**
 * Enters a custom event's contact in the journeys it starts (the events routes). The postings that
 * arrive together (while a run is under way, up to 500) run as one workflow per event name, the
 * names side by side: one read of their contacts, one insert of their enrollments, one wake-up of
 * the worker, instead of each its own. The one-running unique index and the entry rules decide in
 * the database as before; the posting resolves once its enrollments are committed. When a run of
 * several fails (its steps undone), each of its postings runs again alone, so that one posting's
 * failure is its own.
 */
export async function enterCustomEvent(container: MedusaContainer, posting: CustomEventPosting): Promise<TriggeredContactEntry> {
  const app = container.resolve(MarketingModule.AUTOMATION) as object
  let enter = batchers.get(app)
  if (!enter) batchers.set(app, (enter = microBatch(enterTogether)))
  const outcome = await enter({ container, posting })
  if ("error" in outcome) throw outcome.error
  return outcome.entry
}

async function enterTogether(calls: Call[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(calls.length)
  const byName = new Map<string, number[]>()
  calls.forEach((call, i) => {
    const named = byName.get(call.posting.event_name)
    if (named) named.push(i)
    else byName.set(call.posting.event_name, [i])
  })
  await Promise.all(
    [...byName].map(async ([eventName, indexes]) => {
      try {
        const entries = await enter(calls, eventName, indexes)
        indexes.forEach((i, k) => (outcomes[i] = { entry: entries[k] }))
      } catch (error) {
        if (indexes.length === 1) return void (outcomes[indexes[0]] = { error })
        calls[0].container.resolve(ContainerRegistrationKeys.LOGGER).warn(
          `custom event ${eventName}: ${indexes.length} postings together failed (${(error as Error).message}); each runs again alone`
        )
        for (const i of indexes) {
          outcomes[i] = await enter(calls, eventName, [i]).then(([entry]) => ({ entry }), (error) => ({ error }))
        }
      }
    })
  )
  return outcomes
}

async function enter(calls: Call[], eventName: string, indexes: number[]) {
  const events = indexes.map((i) => {
    const { event_name: _name, ...event } = calls[i].posting
    return event
  })
  const { result } = await enrollTriggeredContactsWorkflow(calls[indexes[0]].container).run({ input: { event_name: eventName, events } })
  return result
}
