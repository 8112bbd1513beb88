/**
 * The journey and step that sent a message `m`, as a lateral join `<alias>(journey_id, step_id)` (both
 * null for any other message). A journey's message is known by its idempotency key,
 * `journey:<enrollment>:<step>:<sequence>` (automation's stepRunKey), and its journey by the enrollment:
 * the one place the analytics SQL reads that key.
 */
export const journeyStepOfMessage = (m: string, alias: string) => `LEFT JOIN LATERAL (
      SELECT en.journey_id, split_part(${m}.idempotency_key, ':', 3) AS step_id FROM marketing_journey_enrollment en
       WHERE ${m}.idempotency_key LIKE 'journey:%' AND en.id = split_part(${m}.idempotency_key, ':', 2)) AS ${alias} ON true`
