import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { Advance, advance, prepareJourney, StepFacts } from "../../../modules/automation/lib/advance"
import { JourneyDefinition } from "../../../modules/automation/lib/journey-schema"
import { stepRunKey } from "../../../modules/automation/lib/step-run-key"
import { ClaimedEnrollment, EnrollmentMove, RecordedStep } from "../../../modules/automation/lib/enrollments"
import AutomationModuleService from "../../../modules/automation/service"
import { sendableAtByZone } from "../../../modules/messaging/lib/quiet-hours"
import { retryDelayMs } from "../../../modules/messaging/lib/retry-backoff"
import MessagingModuleService from "../../../modules/messaging/service"
import { CampaignChannel } from "../../../types/campaign/module"
import { DeliveryEvents } from "../../../types/messaging"
import { MarketingModule } from "../../../types/modules"
import { CONTACT_FACT_FIELDS, ContactFacts, loadStepFacts, RunningEnrollment } from "../../../lib/automation/load-step-facts"
import { performStepActions, SideEffectAct } from "../../../lib/automation/perform-step-actions"
import { reachableAmong } from "../../../lib/automation/reachable-among"
import { marketingOptions } from "../../../lib/marketing-options"

/** Steps one enrollment may take in one claim: a valid graph has a wait in every loop, so this only bounds a bug. */
const MAX_STEPS_PER_CLAIM = 100

export type JourneyRunTally = { steps: number; sent: number; skipped: number; retried: number; failed: number }

type Send = Extract<Advance, { type: "act" }> & { action: { type: "send" } }

/** Why a send step queued nothing for a contact, as its step run records it. */
function unreachableReason(channel: CampaignChannel, contact: ContactFacts | undefined): string {
  if (!contact) return "contact_erased"
  const address = channel === "email" ? contact.email : channel === "sms" ? contact.phone : contact.customer_id
  if (!address) return "no_address"
  const consent = channel === "email" ? contact.email_consent : channel === "sms" ? contact.sms_consent : "subscribed"
  if (consent !== "subscribed") return consent === "unsubscribed" ? "unsubscribed" : "no_consent"
  return "suppressed"
}

/**
 * Runs claimed enrollments until each waits or ends: each round looks up the facts of all of them
 * at once, evaluates each with `advance`, and applies the results. A send queues its message through
 * the messaging module under the step run's key before the step is recorded, so that a step run
 * again (a lost lease) finds its message queued and queues nothing; the delivery pipeline then does
 * quiet hours, tracking and sending. Other side effects (codes, contact changes, segment members,
 * webhooks) run through their modules' workflows and are recorded as soon as done (see
 * performStepActions). An enrollment whose step throws is tried again with backoff,
 * and fails (with its error) after the delivery's max attempts. No compensation: what was queued
 * and recorded stays, as sending does.
 */
export const runClaimedEnrollmentsStep = createStep(
  "run-claimed-marketing-journey-enrollments",
  async ({ enrollments }: { enrollments: ClaimedEnrollment[] }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const options = marketingOptions(container)
    const tally: JourneyRunTally = { steps: 0, sent: 0, skipped: 0, retried: 0, failed: 0 }
    if (!enrollments.length) return new StepResponse(tally)

    const versions = new Map(
      (await automation.versionDefinitions([...new Set(enrollments.map((e) => e.version_id))])).map((v) => [
        v.id,
        prepareJourney(JourneyDefinition.parse({ trigger: v.trigger, graph: v.graph, entry: v.entry, goal: v.goal, exit: v.exit })),
      ])
    )
    const contacts = new Map<string, ContactFacts>(
      ((await audience.contactFields([...new Set(enrollments.map((e) => e.contact_id))], CONTACT_FACT_FIELDS)) as ContactFacts[]).map((c) => [c.id, c])
    )
    const attempts = new Map(enrollments.map((e) => [e.id, e.attempts]))
    const claimedDueAt = new Map(enrollments.map((e) => [e.id, new Date(e.due_at)]))
    const fail = async (r: RunningEnrollment, error: unknown) => {
      const attempt = (attempts.get(r.position.enrollment_id) ?? 0) + 1
      const retryAt =
        attempt >= options.delivery.max_attempts
          ? null
          : new Date(Date.now() + retryDelayMs(attempt, { baseMs: options.delivery.retry_base_ms, maxMs: options.delivery.retry_max_ms }))
      await automation.recordStepFailure({
        enrollment_id: r.position.enrollment_id,
        sequence: r.position.sequence,
        error: error instanceof Error ? error.message : String(error),
        retry_at: retryAt,
      })
      if (retryAt) tally.retried++
      else tally.failed++
    }

    let running: RunningEnrollment[] = enrollments.map((e) => ({
      journey: versions.get(e.version_id)!,
      position: {
        journey_id: e.journey_id,
        enrollment_id: e.id,
        contact_id: e.contact_id,
        entered_at: new Date(e.entered_at),
        step_id: e.step_id,
        sequence: e.sequence,
        waiting_until: e.waiting_until ? new Date(e.waiting_until) : null,
      },
    }))
    for (let round = 0; running.length && round < MAX_STEPS_PER_CLAIM; round++) {
      const facts = await factsOrFailures(running)
      const now = new Date()
      const results: { r: RunningEnrollment; result: Advance }[] = []
      for (const [i, r] of running.entries()) {
        if (!facts[i]) continue
        try {
          results.push({ r, result: advance(r.journey, r.position, facts[i], now) })
        } catch (error) {
          await fail(r, error)
        }
      }
      const sendDetails = await queueSends(
        results.filter((x): x is { r: RunningEnrollment; result: Send } => x.result.type === "act" && x.result.action.type === "send")
      )
      const effects = await performStepActions(
        container,
        results.filter((x): x is SideEffectAct => x.result.type === "act" && x.result.action.type !== "send"),
        contacts,
        attempts
      )
      const recording: { r: RunningEnrollment; recorded: RecordedStep }[] = []
      for (const { r, result } of results) {
        const effect = effects.get(r.position.enrollment_id)
        if (effect instanceof Error) {
          await fail(r, effect)
          continue
        }
        try {
          const recorded = recordedStep(r, result, sendDetails.get(r.position.enrollment_id) ?? effect ?? null, claimedDueAt.get(r.position.enrollment_id)!)
          recording.push({ r, recorded })
        } catch (error) {
          await fail(r, error)
        }
      }
      const moved = await recordOrFail(recording)
      const next: RunningEnrollment[] = []
      for (const { r, recorded } of recording) {
        if (!moved.has(r.position.enrollment_id)) continue // moved by another worker meanwhile, or failed
        tally.steps++
        if (recorded.move.state === "active") {
          next.push({ journey: r.journey, position: { ...r.position, step_id: recorded.move.step_id, sequence: r.position.sequence + 1, waiting_until: null } })
        }
      }
      running = next
    }
    for (const r of running) await fail(r, new Error(`took more than ${MAX_STEPS_PER_CLAIM} steps at once`))
    return new StepResponse(tally)

    /**
     * The facts of a round, set-based. When the lookup fails (e.g. a condition's segment was
     * deleted), each enrollment is looked up alone, so that only those it fails for fail (null);
     * the round's error is logged, as recordOrFail does.
     */
    async function factsOrFailures(round: RunningEnrollment[]): Promise<(StepFacts | null)[]> {
      try {
        return await loadStepFacts(container, round, contacts)
      } catch (error) {
        warn(`looking up the facts of ${round.length} enrollments at once failed, looking up each alone`, error)
        const facts: (StepFacts | null)[] = []
        for (const r of round) {
          try {
            facts.push((await loadStepFacts(container, [r], contacts))[0])
          } catch (error) {
            await fail(r, error)
            facts.push(null)
          }
        }
        return facts
      }
    }

    /**
     * Records a round's steps in one statement. When that fails, each is recorded alone, so that
     * only those it fails for fail; the round's error is logged, as no enrollment may carry it.
     */
    async function recordOrFail(recording: { r: RunningEnrollment; recorded: RecordedStep }[]): Promise<Set<string>> {
      try {
        return await automation.recordSteps(recording.map(({ recorded }) => recorded))
      } catch (error) {
        warn(`recording ${recording.length} steps at once failed, recording each alone`, error)
        const moved = new Set<string>()
        for (const { r, recorded } of recording) {
          try {
            if (await automation.recordStep(recorded)) moved.add(recorded.enrollment_id)
          } catch (error) {
            await fail(r, error)
          }
        }
        return moved
      }
    }

    function warn(what: string, error: unknown) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Marketing journeys: ${what}: ${error instanceof Error ? error.message : String(error)}`)
    }

    /**
     * Queues the sends of one round, per channel, and says per enrollment what each step did. Delivery is
     * woken only when a message can go out now: those quiet hours hold are the delivery job's, when they end.
     */
    async function queueSends(sends: { r: RunningEnrollment; result: Send }[]) {
      const details = new Map<string, Record<string, unknown>>()
      const channels = new Set(sends.map((s) => s.result.action.channel))
      let sendableNow = false
      for (const channel of channels) {
        const group = sends.filter((s) => s.result.action.channel === channel)
        const reachable = await reachableAmong(audience, channel, group.map((s) => s.r.position.contact_id))
        const now = new Date()
        const sendableAt = sendableAtByZone(now, options.quiet_hours)
        const messages = group.flatMap(({ r, result }) => {
          const contact = reachable.get(r.position.contact_id)
          if (!contact) {
            details.set(r.position.enrollment_id, { skipped: unreachableReason(channel, contacts.get(r.position.contact_id)) })
            return []
          }
          return [
            {
              campaign_id: null,
              occurrence: null,
              contact_id: contact.id,
              channel,
              to: contact.address,
              idempotency_key: result.idempotency_key,
              not_before: sendableAt(contact.timezone ?? options.default_timezone),
            },
          ]
        })
        const queued = await messaging.enqueueMessages(messages, options.frequency_caps[channel] ?? null)
        sendableNow ||= queued > 0 && messages.some((m) => m.not_before <= now)
        // Found by key: this run's message, or the one a run before a lost lease queued.
        const found = await messaging.messageIdsByKey(messages.map((m) => m.idempotency_key))
        for (const { r, result } of group) {
          if (details.has(r.position.enrollment_id)) continue
          const messageId = found.get(result.idempotency_key)
          details.set(r.position.enrollment_id, messageId ? { message_id: messageId } : { skipped: "frequency_cap" })
        }
      }
      for (const detail of details.values()) detail.message_id ? tally.sent++ : tally.skipped++
      if (sendableNow) await container.resolve(Modules.EVENT_BUS).emit({ name: DeliveryEvents.MESSAGES_QUEUED, data: {} })
      return details
    }
  }
)

/** The step run and the move that apply one evaluation. */
function recordedStep(r: RunningEnrollment, result: Advance, detail: Record<string, unknown> | null, claimed_due_at: Date): RecordedStep {
  const { position } = r
  const base = { enrollment_id: position.enrollment_id, sequence: position.sequence, step_id: position.step_id, claimed_due_at }
  const key = stepRunKey(position.enrollment_id, position.step_id, position.sequence)
  const onTo = (to: string | null): EnrollmentMove =>
    to ? { state: "active", step_id: to, due_at: new Date() } : { state: "completed", reason: "end_of_journey" }
  switch (result.type) {
    case "wait":
      return { ...base, outcome: "wait", detail: null, idempotency_key: null, advances: false, move: { state: "waiting", step_id: position.step_id, due_at: result.until } }
    case "move":
      return { ...base, outcome: result.outcome, detail: null, idempotency_key: key, advances: true, move: onTo(result.to) }
    case "act":
      return { ...base, outcome: result.outcome, detail, idempotency_key: result.idempotency_key, advances: true, move: onTo(result.to) }
    case "end":
      return {
        ...base,
        outcome: result.reason,
        detail: result.state === "converted" ? { order_id: result.order.id } : null,
        idempotency_key: key,
        advances: true,
        move:
          result.state === "converted"
            ? { state: "converted", order_id: result.order.id, revenue: result.order.revenue, currency_code: result.order.currency_code }
            : { state: result.state, reason: result.reason },
      }
  }
}
