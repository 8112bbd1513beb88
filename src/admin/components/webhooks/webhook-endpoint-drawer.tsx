import { Alert, Checkbox, Input, Label, Switch, Text, Textarea } from "@medusajs/ui"
import { FormEvent, useId } from "react"
import type { WebhookEventType } from "../../../types/webhook"
import { WebhookEndpointPayload } from "../../hooks/webhooks"
import { splitServerErrors } from "../../lib/server-errors"
import { WEBHOOK_EVENTS } from "../../lib/webhook-display"
import type { AdminWebhookEndpoint } from "../../types/webhooks"
import type { DialogProps } from "../common/dialog-props"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"
import { useFormState } from "../common/use-form-state"

const FIELDS = ["url", "events", "enabled", "description"] as const
type EndpointField = (typeof FIELDS)[number]

interface WebhookEndpointDrawerProps extends DialogProps {
  /** The endpoint to edit; none to add one. */
  endpoint?: AdminWebhookEndpoint
  submit: (payload: WebhookEndpointPayload, handlers: { onSuccess: () => void; onError: (error: Error) => void }) => void
  isSubmitting: boolean
}

/** Adds or edits an endpoint: where it is, which events it gets, and whether it gets them now. */
export const WebhookEndpointDrawer = ({ endpoint, submit, isSubmitting, ...dialog }: WebhookEndpointDrawerProps) => (
  <FormDrawer
    {...dialog}
    title={endpoint ? "Edit endpoint" : "Add endpoint"}
    description="An HTTPS address that receives the marketing events it subscribes to, signed."
  >
    <WebhookEndpointForm endpoint={endpoint} submit={submit} isSubmitting={isSubmitting} onDone={() => dialog.onOpenChange(false)} />
  </FormDrawer>
)

const WebhookEndpointForm = ({
  endpoint,
  submit,
  isSubmitting,
  onDone,
}: Pick<WebhookEndpointDrawerProps, "endpoint" | "submit" | "isSubmitting"> & { onDone: () => void }) => {
  const eventsId = useId()
  const { values, errors, formError, setValue, showErrors } = useFormState<WebhookEndpointPayload, EndpointField>(() => ({
    url: endpoint?.url ?? "",
    events: endpoint?.events ?? [],
    enabled: endpoint?.enabled ?? true,
    description: endpoint?.description ?? "",
  }))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const fields: Partial<Record<EndpointField, string>> = {}
    if (!values.url.trim()) fields.url = "Enter the address that receives the events"
    if (!values.events.length) fields.events = "Pick at least one event"
    if (Object.keys(fields).length) return showErrors({ fields })
    submit(
      { ...values, url: values.url.trim(), description: values.description?.trim() || null },
      { onSuccess: onDone, onError: (error) => showErrors(splitServerErrors(error.message, FIELDS)) }
    )
  }

  const toggle = (type: WebhookEventType, on: boolean) =>
    setValue("events", on ? [...values.events, type] : values.events.filter((event) => event !== type))

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <div className="flex flex-1 flex-col gap-y-4 overflow-y-auto p-6">
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        <FormField label="URL" hint="HTTPS, e.g. https://hooks.example.com/marketing." error={errors.url}>
          {(control) => <Input {...control} type="url" value={values.url} onChange={(event) => setValue("url", event.target.value)} />}
        </FormField>
        <fieldset className="flex flex-col gap-y-2" aria-describedby={errors.events ? `${eventsId}-error` : undefined}>
          <legend className="txt-compact-small-plus mb-2">Events</legend>
          {Object.entries(WEBHOOK_EVENTS).map(([type, label]) => (
            <div key={type} className="flex items-center gap-x-2">
              <Checkbox
                id={`${eventsId}-${type}`}
                checked={values.events.includes(type as WebhookEventType)}
                onCheckedChange={(on) => toggle(type as WebhookEventType, on === true)}
              />
              <Label htmlFor={`${eventsId}-${type}`} size="small">
                {label} <code className="text-ui-fg-muted font-mono">{type}</code>
              </Label>
            </div>
          ))}
          {errors.events && (
            <Text id={`${eventsId}-error`} size="small" className="text-ui-fg-error">
              {errors.events}
            </Text>
          )}
        </fieldset>
        <FormField label="Description" optional error={errors.description}>
          {(control) => (
            <Textarea {...control} rows={2} value={values.description ?? ""} onChange={(event) => setValue("description", event.target.value)} />
          )}
        </FormField>
        <FormField label="Enabled" hint="A disabled endpoint receives nothing, and misses the events of that time." error={errors.enabled}>
          {(control) => <Switch {...control} checked={values.enabled} onCheckedChange={(on) => setValue("enabled", on)} />}
        </FormField>
      </div>
      <DrawerFormFooter submitLabel={endpoint ? "Save" : "Add"} isSubmitting={isSubmitting} />
    </form>
  )
}
