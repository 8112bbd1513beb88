/**
 * The idempotency key of one run of a step by one enrollment, for the step's history row and
 * for what the step does (the message a send queues, the code an issue step assigns, the
 * webhook's delivery id): running the step again after a crash or a second claim finds the key
 * taken and does nothing twice. `sequence` counts the steps the enrollment took before, so a
 * loop's second visit of a step is a new run with its own key.
 */
export const stepRunKey = (enrollmentId: string, stepId: string, sequence: number) =>
  `journey:${enrollmentId}:${stepId}:${sequence}`

/** The enrollment and step of a step run key (a journey message's idempotency key); null for any other key. */
export function parseStepRunKey(key: string): { enrollment_id: string; step_id: string; sequence: number } | null {
  const match = /^journey:([^:]+):([^:]+):(\d+)$/.exec(key)
  return match ? { enrollment_id: match[1], step_id: match[2], sequence: Number(match[3]) } : null
}

/**
 * The idempotency key of a send in one test run (a Test from the canvas): no enrollment exists, so
 * the key names the version whose step holds the content. Each test run has its own id, so a
 * repeated Test sends again while one run never sends a step's message twice.
 */
export const testRunKey = (runId: string, versionId: string, stepId: string, sequence: number) =>
  `journey-test:${runId}:${versionId}:${stepId}:${sequence}`

/** The version and step of a test run's message key; null for any other key. */
export function parseTestRunKey(key: string): { run_id: string; version_id: string; step_id: string; sequence: number } | null {
  const match = /^journey-test:([^:]+):([^:]+):([^:]+):(\d+)$/.exec(key)
  return match ? { run_id: match[1], version_id: match[2], step_id: match[3], sequence: Number(match[4]) } : null
}
