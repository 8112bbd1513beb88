import { Alert, Drawer, Input, Text, toast } from "@medusajs/ui"
import { FormEvent } from "react"
import { useGenerateCodes } from "../../hooks/promotion-codes"
import { formatNumber } from "../../lib/format"
import { splitServerErrors } from "../../lib/server-errors"
import type { AdminPromotion } from "../../types/promotions"
import type { DialogProps } from "../common/dialog-props"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/number-field"
import { useFormState } from "../common/use-form-state"

const FIELDS = ["count", "pattern"] as const
type GenerateCodesField = (typeof FIELDS)[number]

export const GenerateCodesDrawer = ({ promotion, ...dialog }: { promotion: AdminPromotion } & DialogProps) => (
  <FormDrawer {...dialog} title="Generate codes" description="A batch of single-use codes for the promotion.">
    <GenerateCodesForm promotion={promotion} onGenerated={() => dialog.onOpenChange(false)} />
  </FormDrawer>
)

const GenerateCodesForm = ({ promotion, onGenerated }: { promotion: AdminPromotion; onGenerated: () => void }) => {
  const { values, errors, formError, setValue, showErrors } = useFormState<{ count: string; pattern: string }, GenerateCodesField>(
    () => ({ count: "100", pattern: promotion.code_pattern ?? "" })
  )
  const generate = useGenerateCodes(promotion.id)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!/^\s*\d+\s*$/.test(values.count) || Number(values.count) < 1) {
      showErrors({ fields: { count: "Enter how many codes, 1 or more" } })
      return
    }
    generate.mutate(
      { count: Number(values.count), pattern: values.pattern.trim() || undefined },
      {
        onSuccess: ({ count }) => {
          toast.success(`${formatNumber(count)} codes generated`)
          onGenerated()
        },
        // E.g. "pattern: code_pattern needs between 6 and 30 X", or that the pattern holds too few codes.
        onError: (error) => showErrors(splitServerErrors(error.message, FIELDS)),
      }
    )
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          Each code can be used once. Export them to hand them out, or give them to contacts for their messages.
        </Text>
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        <NumberField
          label="Number of codes"
          min={1}
          value={values.count}
          onChange={(count) => setValue("count", count)}
          error={errors.count}
        />
        <FormField
          label="Pattern"
          optional
          hint="Each X becomes a random character; the rest is kept. Leave empty for the promotion's pattern, or XXXX-XXXX-XXXX."
          error={errors.pattern}
        >
          {(control) => (
            <Input
              {...control}
              className="font-mono"
              placeholder="SPRING-XXXX-XXXX"
              value={values.pattern}
              onChange={(event) => setValue("pattern", event.target.value.toUpperCase())}
            />
          )}
        </FormField>
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Generate" isSubmitting={generate.isPending} />
    </form>
  )
}
