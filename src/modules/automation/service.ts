import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { JourneyStanding } from "../../types/http/automation"
import * as enrollments from "./lib/enrollments"
import {
  AwaitedEvent,
  ClaimedEnrollment,
  EnrollmentEntry,
  EnteringEvent,
  ErasedEventProperties,
  JourneyMessageContent,
  RecordedStep,
  StepRunRecord,
} from "./lib/enrollments"
import { journeyFigures } from "./lib/journey-figures"
import { parseStepRunKey, parseTestRunKey } from "./lib/step-run-key"
import * as triggers from "./lib/triggers"
import { DueOnDateQuery } from "./lib/triggers"
import Journey from "./models/journey"
import JourneyCart from "./models/journey-cart"
import JourneyCartActivity from "./models/journey-cart-activity"
import JourneyEnrollment from "./models/journey-enrollment"
import JourneySegmentMember from "./models/journey-segment-member"
import JourneyEvent from "./models/journey-event"
import JourneyStepRun from "./models/journey-step-run"
import JourneyTriggerCursor from "./models/journey-trigger-cursor"
import JourneyVersion from "./models/journey-version"

/*
 * The automation module's one service. Besides the generated CRUD, its methods give each operation of its concerns
 * their context (a connection, or a transaction when the method is on @InjectTransactionManager): what starts
 * journeys (lib/triggers.ts), enrollments and their waits (lib/enrollments.ts) and journeys' figures
 * (lib/journey-figures.ts), where each is described.
 */
export default class AutomationModuleService extends MedusaService({
  Journey,
  JourneyVersion,
  JourneyEnrollment,
  JourneyStepRun,
  JourneyEvent,
  JourneyTriggerCursor,
  JourneySegmentMember,
  JourneyCartActivity,
  JourneyCart,
}) {
  @InjectManager()
  async enroll(
    rows: EnrollmentEntry[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; journey_id: string; contact_id: string }[]> {
    return enrollments.enroll(context, rows)
  }

  @InjectTransactionManager()
  async refreshSegmentMembers(
    input: { journey_id: string; where: string; params: unknown[]; contact_ids: string[] | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ entered: string[]; left: string[] }> {
    return triggers.refreshSegmentMembers(context, input)
  }

  @InjectTransactionManager()
  async putBackSegmentMembers(
    input: { journey_id: string; entered: string[]; left: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await triggers.putBackSegmentMembers(context, input)
  }

  @InjectManager()
  async clearSegmentMembers(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await triggers.clearSegmentMembers(context, journeyId)
  }

  @InjectManager()
  async moveTriggerCursor(
    journeyId: string,
    position: { segment_id?: string | null; position_at?: Date | null; position_id?: string | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await triggers.moveTriggerCursor(context, journeyId, position)
  }

  @InjectTransactionManager()
  async recordCartActivity(cartIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await triggers.recordCartActivity(context, cartIds)
  }

  @InjectManager()
  async idleCarts(
    input: { journey_id: string; idle_minutes: number; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return triggers.idleCarts(context, input)
  }

  @InjectManager()
  async recordJourneyCarts(
    rows: { journey_id: string; cart_id: string; enrollment_id: string | null }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await triggers.recordJourneyCarts(context, rows)
  }

  @InjectManager()
  async messageEventContacts(
    input: { after: { at: Date; id: string }; type: string; campaign_id: string | null; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ contact_ids: string[]; position: { at: Date; id: string } }> {
    return triggers.messageEventContacts(context, input)
  }

  @InjectManager()
  async contactsDueOnDate(query: DueOnDateQuery, @MedusaContext() context: Context<EntityManager> = {}): Promise<{ contact_id: string; at: Date }[]> {
    return triggers.contactsDueOnDate(context, query)
  }

  @InjectManager()
  async runningCartEnrollments(
    cartId: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; step_id: string; sequence: number }[]> {
    return enrollments.runningCartEnrollments(context, cartId)
  }

  @InjectManager()
  async claimDueEnrollments(
    input: { limit: number; leaseMs: number; ids?: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ClaimedEnrollment[]> {
    return enrollments.claimDueEnrollments(context, input)
  }

  @InjectManager()
  async releaseEnrollmentLeases(ids: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    return enrollments.releaseEnrollmentLeases(context, ids)
  }

  /** Records a step's run and moves its enrollment, together (see recordSteps). Returns whether the move happened. */
  @InjectManager()
  async versionDefinitions(ids: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<enrollments.VersionDefinition[]> {
    return enrollments.versionDefinitions(context, ids)
  }

  @InjectManager()
  async recordStep(step: RecordedStep, @MedusaContext() context: Context<EntityManager> = {}): Promise<boolean> {
    return (await enrollments.recordSteps(context, [step])).has(step.enrollment_id)
  }

  @InjectManager()
  async recordSteps(steps: RecordedStep[], @MedusaContext() context: Context<EntityManager> = {}): Promise<Set<string>> {
    return enrollments.recordSteps(context, steps)
  }

  @InjectManager()
  async recordStepRun(run: StepRunRecord, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await enrollments.recordStepRun(context, run)
  }

  @InjectManager()
  async recordStepFailure(
    failure: { enrollment_id: string; sequence: number; error: string; retry_at: Date | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await enrollments.recordStepFailure(context, failure)
  }

  @InjectManager()
  async exitRunningEnrollments(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    return enrollments.exitRunningEnrollments(context, journeyId)
  }

  @InjectTransactionManager()
  async recordAwaitedEvents(events: AwaitedEvent[], @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    return enrollments.recordAwaitedEvents(context, events)
  }

  @InjectManager()
  async earliestWaitEnd(@MedusaContext() context: Context<EntityManager> = {}): Promise<Date | null> {
    return enrollments.earliestWaitEnd(context)
  }

  @InjectManager()
  async pruneJourneyEventsBefore(cutoff: Date, batchSize: number, @MedusaContext() context: Context<EntityManager> = {}): Promise<number> {
    return enrollments.pruneJourneyEventsBefore(context, cutoff, batchSize)
  }

  @InjectManager()
  async wakeWaitingEnrollments(contactIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<number> {
    return enrollments.wakeWaitingEnrollments(context, contactIds)
  }

  @InjectManager()
  async journeyFigures(journeyIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<JourneyStanding[]> {
    return journeyFigures(context, journeyIds)
  }

  @InjectManager()
  async eraseEventPropertiesOf(contactId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<ErasedEventProperties> {
    return enrollments.eraseEventPropertiesOf(context, contactId)
  }

  /** Undoes eraseEventPropertiesOf (workflow compensation). */
  @InjectManager()
  async unEraseEventProperties(erased: ErasedEventProperties, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    return enrollments.unEraseEventProperties(context, erased)
  }

  /** The custom events that enrolled these enrollments (see enteringEvents). */
  @InjectManager()
  async enteringEvents(enrollmentIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<Map<string, EnteringEvent>> {
    return enrollments.enteringEvents(context, enrollmentIds)
  }

  /** The send steps' content of journey messages, by the message's idempotency key (its step run key or test run key). */
  @InjectManager()
  async sendContents(messageKeys: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<Map<string, JourneyMessageContent>> {
    const contents = await this.testSendContents(messageKeys, context)
    const keys = messageKeys.flatMap((key) => {
      const parsed = parseStepRunKey(key)
      return parsed ? [{ key, ...parsed }] : []
    })
    for (const [key, content] of await enrollments.enrollmentSendContents(context, keys)) contents.set(key, content)
    return contents
  }

  /** A test run's messages take their content from the tested version's step; the test issued no code and had no event. */
  protected async testSendContents(messageKeys: string[], context: Context<EntityManager>): Promise<Map<string, JourneyMessageContent>> {
    const contents = new Map<string, JourneyMessageContent>()
    const keys = messageKeys.flatMap((key) => {
      const parsed = parseTestRunKey(key)
      return parsed ? [{ key, ...parsed }] : []
    })
    if (!keys.length) return contents
    const versions = await this.listJourneyVersions(
      { id: [...new Set(keys.map((k) => k.version_id))] },
      { select: ["id", "graph", "journey.name"], relations: ["journey"], take: null },
      context
    )
    const byId = new Map(versions.map((v) => [v.id, v]))
    for (const { key, version_id, step_id } of keys) {
      const version = byId.get(version_id)
      const step = (version?.graph as { steps: { id: string; kind: string; subject?: string; body?: string }[] } | undefined)?.steps.find((s) => s.id === step_id)
      if (step?.kind === "send") {
        contents.set(key, { name: version!.journey.name, subject: step.subject ?? null, body: step.body ?? "", promotion_code: null, event_properties: null })
      }
    }
    return contents
  }
}
