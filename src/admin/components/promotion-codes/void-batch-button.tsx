import { Button, toast, usePrompt } from "@medusajs/ui"
import { useVoidCodes } from "../../hooks/promotion-codes"
import { codeBatchLabel, voidBatchQuestion } from "../../lib/code-batch-display"
import { formatNumber } from "../../lib/format"
import type { AdminCodeBatch } from "../../types/promotions"

/** Voids a batch's available codes at once, e.g. a batch handed to a partner that fell through. */
export const VoidBatchButton = ({ promotionId, batch }: { promotionId: string; batch: AdminCodeBatch }) => {
  const prompt = usePrompt()
  const voidCodes = useVoidCodes(promotionId)
  const label = codeBatchLabel(batch)

  const handleClick = async () => {
    const confirmed = await prompt({
      title: voidBatchQuestion(batch),
      description: `Nobody will be able to use the available codes of ${label}. Codes in carts or orders stay. This cannot be undone.`,
      confirmText: "Void",
      cancelText: "Back",
    })
    if (!confirmed) return
    try {
      const { voided } = await voidCodes.mutateAsync({ batch_id: batch.batch_id })
      toast.success(`${formatNumber(voided)} ${voided === 1 ? "code" : "codes"} voided`)
    } catch (error) {
      toast.error("Could not void the batch", { description: (error as Error).message })
    }
  }

  return (
    <Button
      size="small"
      variant="secondary"
      disabled={batch.available === 0}
      isLoading={voidCodes.isPending}
      aria-label={`Void ${label}`}
      onClick={handleClick}
    >
      Void batch
    </Button>
  )
}
