import { randomUUID } from "node:crypto"
import { MedusaContainer } from "@medusajs/framework/types"
import { JourneyDefinition } from "../../modules/automation/lib/journey-schema"
import { testRunKey } from "../../modules/automation/lib/step-run-key"
import MessagingModuleService from "../../modules/messaging/service"
import { AuditActor } from "../../types/audit"
import { DryRunStep } from "../../types/http/automation"
import { MessageChannel } from "../../types/messaging"
import { MarketingModule } from "../../types/modules"
import { dryRunJourney } from "./dry-run-journey"
import { sendJourneyTestWorkflow } from "../../workflows/automation/workflows/send-journey-test"

/**
 * Tests a journey with one contact: walks them through the version with the waits skipped and
 * nothing else done, then sends the messages of that path to the contact's addresses now, as test
 * sends of this run. Answers the path with how each message went.
 */
export async function runJourneyTest(
  container: MedusaContainer,
  input: { journey_id: string; journey_name: string; version_id: string; definition: JourneyDefinition; contact_id: string; actor?: AuditActor }
): Promise<{ run_id: string; path: DryRunStep[] }> {
  const path = await dryRunJourney(container, input)
  const run_id = randomUUID()
  // A step's place on the path is the sequence an enrollment would have reached it with.
  const sends = path.flatMap(({ step_id, message }, sequence) =>
    message?.to && message.preview
      ? [
          {
            campaign_id: null,
            idempotency_key: testRunKey(run_id, input.version_id, step_id, sequence),
            contact_id: input.contact_id,
            channel: message.channel as MessageChannel,
            to: message.to,
          },
        ]
      : []
  )
  if (!sends.length) return { run_id, path }
  const { result: ids } = await sendJourneyTestWorkflow(container).run({
    input: { journey_id: input.journey_id, version_id: input.version_id, run_id, contact_id: input.contact_id, sends, actor: input.actor },
  })
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  const sent = new Map(
    (await messaging.listMessages({ id: ids }, { select: ["id", "idempotency_key", "status", "error"], take: null })).map((m) => [
      m.idempotency_key,
      { message_id: m.id, status: m.status as string, error: m.error ?? null },
    ])
  )
  return {
    run_id,
    path: path.map((taken, sequence) => {
      const outcome = sent.get(testRunKey(run_id, input.version_id, taken.step_id, sequence))
      return outcome ? { ...taken, message: { ...taken.message!, sent: outcome } } : taken
    }),
  }
}
