import { Alert, Drawer, Heading, Input, Select, Textarea, toast } from "@medusajs/ui"
import { FormEvent } from "react"
import type { ConsentChannel } from "../../../types/audience"
import { useCreateSuppression } from "../../hooks/suppressions"
import { CONSENT_CHANNELS, SUPPRESSION_REASONS } from "../../lib/contact-display"
import { splitServerErrors } from "../../lib/server-errors"
import type { SuppressionReason } from "../../types/contacts"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormField } from "../common/form-field"
import { useFormState } from "../common/use-form-state"

interface AddSuppressionDrawerProps {
  open: boolean
  onOpenChange: (open: boolean) => void
}

const FIELDS = ["channel", "address", "reason", "note"] as const
type SuppressionField = (typeof FIELDS)[number]

interface SuppressionFormValues {
  channel: ConsentChannel
  address: string
  reason: SuppressionReason
  note: string
}

export const AddSuppressionDrawer = ({ open, onOpenChange }: AddSuppressionDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>Add to suppression list</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">An address that is never sent to.</Drawer.Description>
      </Drawer.Header>
      <AddSuppressionForm onAdded={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
)

const AddSuppressionForm = ({ onAdded }: { onAdded: () => void }) => {
  const { values, errors, formError, setValue, showErrors } = useFormState<SuppressionFormValues, SuppressionField>(
    () => ({ channel: "email", address: "", reason: "manual", note: "" })
  )
  const create = useCreateSuppression()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!values.address.trim()) {
      showErrors({ fields: { address: "Enter the address to suppress" } })
      return
    }
    create.mutate(
      { ...values, address: values.address.trim(), note: values.note.trim() || null },
      {
        onSuccess: () => {
          toast.success(`${values.address.trim()} will not be sent to`)
          onAdded()
        },
        // E.g. "address must be an E.164 phone number ... for the sms channel", shown under the address.
        onError: (error) => showErrors(splitServerErrors(error.message, FIELDS)),
      }
    )
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        <FormField label="Channel" error={errors.channel}>
          {(control) => (
            <Select value={values.channel} onValueChange={(channel) => setValue("channel", channel as ConsentChannel)}>
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(CONSENT_CHANNELS).map(([channel, label]) => (
                  <Select.Item key={channel} value={channel}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
        <FormField
          label={values.channel === "email" ? "Email address" : "Phone number"}
          hint={values.channel === "sms" ? "In international form, e.g. +4915112345678." : undefined}
          error={errors.address}
        >
          {(control) => (
            <Input
              {...control}
              type={values.channel === "email" ? "email" : "tel"}
              value={values.address}
              onChange={(event) => setValue("address", event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Reason" error={errors.reason}>
          {(control) => (
            <Select value={values.reason} onValueChange={(reason) => setValue("reason", reason as SuppressionReason)}>
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(SUPPRESSION_REASONS).map(([reason, label]) => (
                  <Select.Item key={reason} value={reason}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
        <FormField label="Note" optional error={errors.note}>
          {(control) => (
            <Textarea {...control} rows={3} value={values.note} onChange={(event) => setValue("note", event.target.value)} />
          )}
        </FormField>
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Add" isSubmitting={create.isPending} />
    </form>
  )
}
