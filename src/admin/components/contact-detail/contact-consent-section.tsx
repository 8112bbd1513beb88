import { Container, Heading, Text } from "@medusajs/ui"
import type { ConsentChannel } from "../../../types/audience"
import { CONSENT_CHANNELS } from "../../lib/contact-display"
import type { AdminContactResponse } from "../../types/contacts"
import { ConsentBadge } from "../consent-badge"
import { ConsentChangeMenu } from "./consent-change-menu"
import { ConsentHistory } from "./consent-history"

type ContactWithConsents = AdminContactResponse["contact"]

/** Whether the contact may be emailed and texted now, a way to record a change, and the history. */
export const ContactConsentSection = ({ contact }: { contact: ContactWithConsents }) => {
  const current: Record<ConsentChannel, ContactWithConsents["email_consent"]> = {
    email: contact.email_consent,
    sms: contact.sms_consent,
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Consent</Heading>
      </div>
      {(Object.keys(CONSENT_CHANNELS) as ConsentChannel[]).map((channel) => (
        <div key={channel} className="grid grid-cols-[1fr_auto_28px] items-center gap-x-3 px-6 py-3">
          <Text size="small" leading="compact" weight="plus" className="text-ui-fg-subtle">
            {CONSENT_CHANNELS[channel]}
          </Text>
          <ConsentBadge status={current[channel]} />
          <ConsentChangeMenu contactId={contact.id} channel={channel} current={current[channel]} />
        </div>
      ))}
      <div className="px-6 py-4">
        <Heading level="h3">Consent history</Heading>
      </div>
      <ConsentHistory records={contact.consents} />
    </Container>
  )
}
