import { Alert, Button, FocusModal, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useCampaignPreview } from "../../hooks/campaign-delivery"
import { contactName } from "../../lib/contact-display"
import type { AdminContact } from "../../types/contacts"
import type { DialogProps } from "../common/dialog-props"
import { FormField } from "../common/form-field"
import { ContactPicker } from "./contact-picker"
import { RenderedMessage } from "./rendered-message"

/** Full screen, as an email needs the width a mail client gives it. */
export const PreviewModal = ({ campaign, ...dialog }: { campaign: AdminCampaign } & DialogProps) => (
  <FocusModal {...dialog}>
    <FocusModal.Content>
      {/* Mounted only while open: each opening starts without a contact, from the campaign as it is now. */}
      <CampaignPreview campaign={campaign} />
    </FocusModal.Content>
  </FocusModal>
)

const CampaignPreview = ({ campaign }: { campaign: AdminCampaign }) => {
  const [contact, setContact] = useState<AdminContact>()
  const { data, isPending, isError, error } = useCampaignPreview(campaign, contact?.id)

  return (
    <>
      <FocusModal.Header />
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto px-6 py-12">
        <div className="flex w-full max-w-[720px] flex-col gap-y-6">
          <div>
            <FocusModal.Title asChild>
              <Heading>Preview</Heading>
            </FocusModal.Title>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                The campaign as a contact would get it. Links are shown as written: tracking is added when it is sent.
              </Text>
            </FocusModal.Description>
          </div>
          <FormField
            label="Preview as"
            hint={
              contact
                ? `As ${contactName(contact) ?? contact.id} would get it.`
                : "No contact chosen: the template's contact fields are empty."
            }
          >
            {(control) => (
              <div className="flex items-start gap-x-2">
                <div className="flex-1">
                  <ContactPicker control={control} onPick={setContact} />
                </div>
                {contact && (
                  <Button size="base" variant="secondary" onClick={() => setContact(undefined)}>
                    Clear
                  </Button>
                )}
              </div>
            )}
          </FormField>
          {isError ? (
            // A template error says where: "Unexpected token at line 3, column 12".
            <Alert variant="error" dismissible={false}>
              {error.message}
            </Alert>
          ) : isPending ? (
            <Skeleton className="h-[480px] w-full" />
          ) : (
            <RenderedMessage preview={data.preview} />
          )}
        </div>
      </FocusModal.Body>
    </>
  )
}
