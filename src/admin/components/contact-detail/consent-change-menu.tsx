import { CheckCircle, Clock, XCircle } from "@medusajs/icons"
import { toast, usePrompt } from "@medusajs/ui"
import type { ConsentChannel, ConsentStatus } from "../../../types/audience"
import { useSetConsent } from "../../hooks/contacts"
import { CONSENT_CHANNELS, CONSENT_STATUSES } from "../../lib/contact-display"
import { ActionMenu, MenuAction } from "../common/action-menu"

interface ConsentChangeMenuProps {
  contactId: string
  channel: ConsentChannel
  current: ConsentStatus | null
}

const ICONS: Record<ConsentStatus, JSX.Element> = {
  subscribed: <CheckCircle />,
  pending: <Clock />,
  unsubscribed: <XCircle />,
}

/**
 * Records a consent the contact gave or withdrew outside the store (on paper, by phone). It becomes
 * part of their consent history, so the admin confirms what is being recorded.
 */
export const ConsentChangeMenu = ({ contactId, channel, current }: ConsentChangeMenuProps) => {
  const prompt = usePrompt()
  const setConsent = useSetConsent(contactId)
  const channelLabel = CONSENT_CHANNELS[channel]

  const record = async (status: ConsentStatus) => {
    const label = CONSENT_STATUSES[status].label.toLowerCase()
    const confirmed = await prompt({
      title: `Record ${channelLabel} consent as ${label}?`,
      description: "The change is kept in the contact's consent history, with your name, as given by the contact.",
      confirmText: "Record",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    setConsent.mutate(
      { channel, status },
      {
        onSuccess: () => toast.success(`${channelLabel} consent recorded as ${label}`),
        onError: (error) => toast.error("Could not record the consent", { description: error.message }),
      }
    )
  }

  const actions: MenuAction[] = (Object.keys(CONSENT_STATUSES) as ConsentStatus[])
    .filter((status) => status !== current)
    .map((status) => ({
      label: `Mark as ${CONSENT_STATUSES[status].label.toLowerCase()}`,
      icon: ICONS[status],
      onClick: () => record(status),
      disabled: setConsent.isPending,
    }))

  return <ActionMenu label={`Change ${channelLabel} consent`} groups={[actions]} />
}
