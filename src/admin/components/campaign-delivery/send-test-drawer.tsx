import { Alert, Drawer, Heading, Input, Text } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useSendTestMessage } from "../../hooks/campaign-delivery"
import { CHANNEL_ADDRESSES } from "../../lib/message-display"
import { splitServerErrors } from "../../lib/server-errors"
import type { AdminMessage } from "../../types/messages"
import type { DialogProps } from "../common/dialog-props"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormField } from "../common/form-field"

export const SendTestDrawer = ({ campaign, ...dialog }: { campaign: AdminCampaign } & DialogProps) => (
  <Drawer {...dialog}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>Send test</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">Send the campaign to one address now.</Drawer.Description>
      </Drawer.Header>
      <SendTestForm campaign={campaign} />
    </Drawer.Content>
  </Drawer>
)

/**
 * The drawer stays open after sending, to show what the provider answered: a test is sent to see whether
 * the message gets through, and another address may follow.
 */
const SendTestForm = ({ campaign }: { campaign: AdminCampaign }) => {
  const address = CHANNEL_ADDRESSES[campaign.channel]
  const send = useSendTestMessage(campaign.id)
  const [to, setTo] = useState("")
  const [error, setError] = useState<string>()
  const [formError, setFormError] = useState<string>()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!to.trim()) {
      setError(`Enter the ${address.label.toLowerCase()} to send to`)
      return
    }
    setFormError(undefined)
    send.mutate(to.trim(), {
      // "to: 'x' is not an email address" under the field; anything else (no provider set up) above.
      onError: (failure) => {
        const { fields, form } = splitServerErrors(failure.message, ["to"] as const)
        setError(fields.to)
        setFormError(form)
      },
    })
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          It goes out now through the campaign's provider, personalised for the contact with this address (with
          empty contact fields if there is none). Test sends do not count in the campaign's numbers.
        </Text>
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        <FormField label={address.label} hint={address.hint} error={error}>
          {(control) => (
            <Input
              {...control}
              type={address.type}
              value={to}
              onChange={(event) => {
                setTo(event.target.value)
                setError(undefined)
                // The result shown was for the address as it was.
                send.reset()
              }}
            />
          )}
        </FormField>
        {send.data && <TestSendResult message={send.data.message} />}
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Send" isSubmitting={send.isPending} cancelLabel="Close" />
    </form>
  )
}

/** Whether the provider took the message, or its reason for refusing it. */
const TestSendResult = ({ message }: { message: AdminMessage }) =>
  message.status === "failed" ? (
    <Alert variant="error" dismissible={false}>
      Not sent to {message.to}: {message.error ?? "the provider refused it"}
    </Alert>
  ) : (
    <Alert variant="success" dismissible={false}>
      Sent to {message.to}
      {message.provider ? ` through ${message.provider}` : ""}.
    </Alert>
  )
