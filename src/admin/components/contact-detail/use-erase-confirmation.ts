import { toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useEraseContact } from "../../hooks/contacts"
import { contactName } from "../../lib/contact-display"
import { CONTACTS_PATH } from "../../lib/paths"
import type { AdminContact } from "../../types/contacts"

/**
 * Asks for the erasure to be typed out (it cannot be undone, and a click too many must not do it), then
 * erases and leaves for the list: the contact is gone.
 */
export function useEraseConfirmation(contact: AdminContact) {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const erase = useEraseContact(contact.id)
  const name = contactName(contact) ?? contact.id
  const verification = contact.email ?? contact.phone ?? "erase"

  return async () => {
    const confirmed = await prompt({
      title: "Erase contact?",
      description: `${name}'s personal data will be removed for good, as the GDPR's right to erasure asks. Their purchases stay, tied to no one; their addresses stay suppressed, unreadable. This cannot be undone.`,
      verificationText: verification,
      confirmText: "Erase",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    erase.mutate(undefined, {
      onSuccess: () => {
        toast.success(`${name} was erased`)
        navigate(CONTACTS_PATH, { replace: true })
      },
      onError: (error) => toast.error("Could not erase the contact", { description: error.message }),
    })
  }
}
