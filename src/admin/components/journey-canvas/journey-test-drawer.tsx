import { Alert, Badge, Button, Drawer, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTestJourney } from "../../hooks/journeys"
import { contactName } from "../../lib/contact-display"
import { formatDateTime } from "../../lib/format"
import { outcomeLabel, STEP_KINDS } from "../../lib/journey-display"
import type { JourneyDefinition } from "../../../modules/automation/lib/journey-schema"
import type { DryRunStep, JourneyProblem } from "../../types/journeys"
import type { AdminContact } from "../../types/contacts"
import { ContactPicker } from "../campaign-delivery/contact-picker"
import { RenderedMessage } from "../campaign-delivery/rendered-message"
import type { DialogProps } from "../common/dialog-props"
import { FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"

interface JourneyTestDrawerProps extends DialogProps {
  journeyId: string
  definition: JourneyDefinition
  /** Saves unsaved edits first: the test runs what the server holds as the draft. */
  beforeTest: () => Promise<void>
  onTested: (path: DryRunStep[], problems: JourneyProblem[]) => void
}

/** Test a journey: one contact walked through the draft, waits skipped, its messages sent to them as test sends; the path and where each went. */
export const JourneyTestDrawer = ({ journeyId, definition, beforeTest, onTested, ...dialog }: JourneyTestDrawerProps) => (
  <FormDrawer title="Test journey" description="Walk one contact through the journey and send them its messages." {...dialog}>
    <JourneyTest journeyId={journeyId} definition={definition} beforeTest={beforeTest} onTested={onTested} />
  </FormDrawer>
)

const JourneyTest = ({ journeyId, definition, beforeTest, onTested }: Omit<JourneyTestDrawerProps, keyof DialogProps>) => {
  const [contact, setContact] = useState<AdminContact | null>(null)
  const test = useTestJourney(journeyId)
  const run = async () => {
    if (!contact) return
    try {
      await beforeTest()
    } catch {
      return // The editor shows why the draft could not be saved.
    }
    test.mutate(contact.id, {
      onSuccess: ({ path }) => onTested(path, []),
      onError: (error) => onTested([], error.problems),
    })
  }
  const stepOf = (id: string) => definition.graph.steps.find((s) => s.id === id)

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          The contact goes through the draft with their real consent, conditions, orders and timezone, every wait skipped.
          Each message on the path is sent to them now as a test send (in the demo, to its inbox), which never counts in
          reports or frequency caps. Nobody is enrolled and no other step acts.
        </Text>
        <FormField label="Contact" hint={contact ? `Testing with ${contactName(contact) ?? contact.id}` : "Find a contact by name, email or phone."}>
          {(control) => (
            <ContactPicker
              control={control}
              onPick={(picked) => {
                setContact(picked)
                test.reset()
              }}
            />
          )}
        </FormField>
        <Button size="small" variant="secondary" disabled={!contact} isLoading={test.isPending} onClick={run}>
          Run test
        </Button>
        {test.error && (
          <Alert variant="error" dismissible={false}>
            {test.error.message}
          </Alert>
        )}
        {test.data && (
          <ol className="flex flex-col gap-y-4" aria-label="Test path">
            {test.data.path.map((taken, index) => (
              <li key={index} className="flex flex-col gap-y-2 border-l-2 pl-3">
                <div className="flex items-center gap-x-2">
                  <Badge size="2xsmall">{STEP_KINDS[taken.kind].label}</Badge>
                  <Text size="small" weight="plus">
                    {stepOf(taken.step_id)?.name ?? taken.step_id}
                  </Text>
                  {taken.outcome && taken.outcome !== "next" && (
                    <Text size="small" className="text-ui-fg-subtle">
                      → {outcomeLabel(stepOf(taken.step_id), taken.outcome)}
                    </Text>
                  )}
                </div>
                {taken.waited_until && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    Wait skipped: would go on at {formatDateTime(taken.waited_until)}
                  </Text>
                )}
                {taken.message && <TestMessage message={taken.message} />}
                {taken.action && (
                  <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                    Would {taken.action.type.replace(/_/g, " ")}: {JSON.stringify({ ...taken.action, type: undefined })}
                  </Text>
                )}
                {taken.ended && (
                  <Text size="xsmall" weight="plus">
                    Ends {taken.ended.state} ({taken.ended.reason.replace(/_/g, " ")})
                  </Text>
                )}
              </li>
            ))}
          </ol>
        )}
      </Drawer.Body>
    </>
  )
}

const TestMessage = ({ message }: { message: NonNullable<DryRunStep["message"]> }) => (
  <div className="flex flex-col gap-y-2">
    <Text size="xsmall" className={message.unreachable || message.sent?.error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
      {messageDestination(message)}
    </Text>
    {message.error && <Text size="xsmall" className="text-ui-fg-error">{message.error}</Text>}
    {message.preview && <RenderedMessage preview={message.preview as Parameters<typeof RenderedMessage>[0]["preview"]} />}
  </div>
)

function messageDestination(message: NonNullable<DryRunStep["message"]>): string {
  if (message.unreachable) return `Not sent: the contact cannot be reached by ${message.channel} (no address, no consent, or suppressed)`
  if (!message.sent) return `Not sent by ${message.channel} to ${message.to}: the template does not render`
  if (message.sent.error) return `Sending by ${message.channel} to ${message.to} failed: ${message.sent.error}`
  return message.sent.status === "sent"
    ? `Sent by ${message.channel} to ${message.to} as a test send`
    : `Test send by ${message.channel} to ${message.to}: ${message.sent.status}`
}
