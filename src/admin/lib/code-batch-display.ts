import type { AdminCodeBatch } from "../types/promotions"
import { formatDateTime, formatNumber } from "./format"

/**
 * "Batch of 1,000 · 3 Dec 2026, 14:02": batches have no name, and their id means nothing to a person,
 * but how many codes they made and when tells them apart.
 */
export const codeBatchLabel = (batch: Pick<AdminCodeBatch, "count" | "created_at">) =>
  `Batch of ${formatNumber(batch.count)} · ${formatDateTime(batch.created_at)}`

/** "Void 998 available codes?": what voiding a batch takes away, said before it happens. */
export const voidBatchQuestion = (batch: Pick<AdminCodeBatch, "available">) =>
  batch.available === 1 ? "Void the 1 available code?" : `Void ${formatNumber(batch.available)} available codes?`
