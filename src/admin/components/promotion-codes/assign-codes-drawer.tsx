import { XMarkMini } from "@medusajs/icons"
import { Alert, Badge, Drawer, IconButton, RadioGroup, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { OPTION_SOURCES } from "../../hooks/picker-options"
import { useAssignCodes, useCodeBatches } from "../../hooks/promotion-codes"
import { contactName } from "../../lib/contact-display"
import { formatContactCount, formatNumber } from "../../lib/format"
import type { AdminContact } from "../../types/contacts"
import { ContactPicker } from "../campaign-delivery/contact-picker"
import type { DialogProps } from "../common/dialog-props"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"
import { SingleResourcePicker } from "../common/resource-picker"
import { ReachableCount } from "../reachable-count"

type Recipients = "contacts" | "segment"

export const AssignCodesDrawer = ({ promotionId, ...dialog }: { promotionId: string } & DialogProps) => (
  <FormDrawer
    {...dialog}
    title="Assign codes"
    description="Give one code of the promotion to each chosen contact, for their messages."
  >
    <AssignCodesForm promotionId={promotionId} onAssigned={() => dialog.onOpenChange(false)} />
  </FormDrawer>
)

const AssignCodesForm = ({ promotionId, onAssigned }: { promotionId: string; onAssigned: () => void }) => {
  const [recipients, setRecipients] = useState<Recipients>("contacts")
  const [contacts, setContacts] = useState<AdminContact[]>([])
  const [segmentId, setSegmentId] = useState<string | null>(null)
  const [formError, setFormError] = useState<string>()
  const assign = useAssignCodes(promotionId)
  const { data } = useCodeBatches(promotionId)
  const free = data?.batches.reduce((sum, batch) => sum + batch.unassigned, 0)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const body =
      recipients === "contacts" ? (contacts.length ? { contact_ids: contacts.map((c) => c.id) } : null) : segmentId && { segment_id: segmentId }
    if (!body) {
      setFormError(recipients === "contacts" ? "Choose at least one contact" : "Choose a segment")
      return
    }
    assign.mutate(body, {
      onSuccess: ({ assigned }) => {
        toast.success(
          assigned === 0
            ? "No codes assigned: every chosen contact holds one already"
            : `${formatNumber(assigned)} ${assigned === 1 ? "code" : "codes"} assigned`
        )
        onAssigned()
      },
      // E.g. "not enough available codes: 12 missing for these contacts; generate at least that many more".
      onError: (error) => setFormError(error.message),
    })
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          Each contact gets one available code that only they can use, and their messages can print it. Contacts who
          hold a code of this promotion already get no second one.
          {free !== undefined && ` ${formatNumber(free)} ${free === 1 ? "code is" : "codes are"} free to give.`}
        </Text>
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        <FormField label="Give codes to">
          {(control) => (
            <RadioGroup
              {...control}
              className="grid grid-cols-2 gap-3"
              value={recipients}
              onValueChange={(value) => {
                setRecipients(value as Recipients)
                setFormError(undefined)
              }}
            >
              <RadioGroup.ChoiceBox value="contacts" label="Contacts" description="Found by name, email or phone." />
              <RadioGroup.ChoiceBox value="segment" label="A segment" description="Its contacts reachable by email." />
            </RadioGroup>
          )}
        </FormField>
        {recipients === "contacts" ? (
          <FormField label="Contacts" hint={`${formatContactCount(contacts.length)} chosen: up to as many codes assigned.`}>
            {(control) => (
              <div className="flex flex-col gap-y-2">
                {contacts.length > 0 && (
                  <ul className="flex flex-wrap gap-1" aria-label="Chosen contacts">
                    {contacts.map((contact) => (
                      <li key={contact.id}>
                        <Badge size="small" className="flex items-center gap-x-1 pr-0.5">
                          <span>{contactName(contact) ?? contact.id}</span>
                          <IconButton
                            type="button"
                            size="2xsmall"
                            variant="transparent"
                            aria-label={`Remove ${contactName(contact) ?? contact.id}`}
                            onClick={() => setContacts(contacts.filter((other) => other.id !== contact.id))}
                          >
                            <XMarkMini />
                          </IconButton>
                        </Badge>
                      </li>
                    ))}
                  </ul>
                )}
                <ContactPicker
                  control={control}
                  onPick={(contact) => {
                    setFormError(undefined)
                    setContacts((current) => (current.some((c) => c.id === contact.id) ? current : [...current, contact]))
                  }}
                />
              </div>
            )}
          </FormField>
        ) : (
          <FormField label="Segment" hint="Its contacts reachable by email get a code each.">
            {(control) => (
              <div className="flex flex-col gap-y-2">
                <SingleResourcePicker
                  control={control}
                  source={OPTION_SOURCES.segments}
                  value={segmentId}
                  onChange={(id) => {
                    setFormError(undefined)
                    setSegmentId(id)
                  }}
                />
                {segmentId && <ReachableCount segmentId={segmentId} channel="email" />}
              </div>
            )}
          </FormField>
        )}
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Assign" isSubmitting={assign.isPending} />
    </form>
  )
}
