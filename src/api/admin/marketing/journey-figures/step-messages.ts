import { JourneyFigures, JourneyStanding, JourneyStepMessageFigures } from "../../../../types/http/automation"

const NO_MESSAGES: JourneyStepMessageFigures = { sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, orders: 0 }

/** The send steps of journey versions, each once: what can have sent messages. */
export function sendSteps(versions: { journey_id: string; graph: unknown }[]): { journey_id: string; step_id: string }[] {
  const seen = new Map<string, { journey_id: string; step_id: string }>()
  for (const { journey_id, graph } of versions) {
    for (const step of (graph as { steps?: { id: string; kind: string }[] } | null)?.steps ?? []) {
      if (step.kind === "send") seen.set(`${journey_id}\u0000${step.id}`, { journey_id, step_id: step.id })
    }
  }
  return [...seen.values()]
}

/** Each journey's step figures with its messages' (zeros where a step sent nothing); a step known only by its messages is listed too. */
export function withStepMessages(
  standing: JourneyStanding[],
  messages: (JourneyStepMessageFigures & { journey_id: string; step_id: string })[]
): JourneyFigures[] {
  return standing.map((journey) => {
    const own = new Map(messages.filter((m) => m.journey_id === journey.journey_id).map(({ journey_id, step_id, ...figures }) => [step_id, figures]))
    const steps = journey.steps.map((step) => ({ ...step, messages: own.get(step.step_id) ?? NO_MESSAGES }))
    for (const [step_id, figures] of own) {
      if (!journey.steps.some((step) => step.step_id === step_id)) steps.push({ step_id, at: 0, failed: 0, passed: 0, messages: figures })
    }
    return { ...journey, steps }
  })
}
