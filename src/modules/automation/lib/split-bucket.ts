import { createHash } from "node:crypto"
import type { StepOf } from "./journey-schema"

/**
 * Where a contact falls in a split, in [0, 100): a hash of the journey, the step and the contact,
 * so the same contact always takes the same branch (across versions and re-entries), and one
 * contact's place in one journey's split says nothing about its place in another's.
 */
export function splitBucket(journeyId: string, stepId: string, contactId: string): number {
  const digest = createHash("sha256").update(`${journeyId}:${stepId}:${contactId}`).digest()
  return (digest.readUInt32BE(0) / 2 ** 32) * 100
}

/** The branch whose share of [0, 100) holds `bucket`, branches laid end to end in their order. */
export function splitBranchAt(branches: StepOf<"split">["branches"], bucket: number): string {
  let end = 0
  for (const branch of branches) {
    end += branch.percent
    if (bucket < end) return branch.key
  }
  // Only reached when the percentages add up to less than 100, which validation refuses.
  throw new Error(`no split branch holds ${bucket}: the percentages add up to ${end}`)
}
