import { Button, toast, usePrompt } from "@medusajs/ui"
import { useVoidCodes } from "../../hooks/promotion-codes"
import type { AdminPromotionCode } from "../../types/promotions"

/** Voids one available code, e.g. one that leaked; a voided code can never be used. */
export const VoidCodeButton = ({ promotionId, code }: { promotionId: string; code: AdminPromotionCode }) => {
  const prompt = usePrompt()
  const voidCodes = useVoidCodes(promotionId)

  const handleClick = async () => {
    const confirmed = await prompt({
      title: "Void code?",
      description: `Nobody will be able to use ${code.code}. This cannot be undone.`,
      confirmText: "Void",
      cancelText: "Back",
    })
    if (!confirmed) return
    // Awaited rather than given callbacks: the refetched list replaces this button once the code is
    // void, and a mutation's per-call callbacks do not run for a component that is gone.
    try {
      await voidCodes.mutateAsync({ code_ids: [code.id] })
      toast.success(`${code.code} was voided`)
    } catch (error) {
      toast.error("Could not void the code", { description: (error as Error).message })
    }
  }

  return (
    <Button size="small" variant="transparent" isLoading={voidCodes.isPending} onClick={handleClick}>
      Void
    </Button>
  )
}
