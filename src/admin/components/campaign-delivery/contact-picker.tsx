import { Text } from "@medusajs/ui"
import { useState } from "react"
import { useContacts } from "../../hooks/contacts"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { contactName } from "../../lib/contact-display"
import type { AdminContact } from "../../types/contacts"
import type { FieldControlProps } from "../common/form-field"
import { SearchCombobox } from "../common/search-combobox"

const RESULT_LIMIT = 8
const SEARCH_DELAY_MS = 250

interface ContactPickerProps {
  /** Ties the search box to its FormField's label and hint. */
  control: FieldControlProps
  onPick: (contact: AdminContact) => void
}

/** Finds a contact by name, email or phone: the audience may be far too large to list. */
export const ContactPicker = ({ control, onPick }: ContactPickerProps) => {
  const [text, setText] = useState("")
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS)
  const { data, isFetching } = useContacts({ q: q || undefined, limit: RESULT_LIMIT, offset: 0 })

  return (
    <SearchCombobox
      control={control}
      text={text}
      onTextChange={setText}
      options={data?.contacts ?? []}
      optionKey={(contact) => contact.id}
      renderOption={(contact) => (
        <>
          <Text size="small" leading="compact" weight="plus">
            {contactName(contact) ?? contact.id}
          </Text>
          {contact.email && contactName(contact) !== contact.email && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {contact.email}
            </Text>
          )}
        </>
      )}
      onPick={onPick}
      isSearching={isFetching}
      placeholder="Search by name, email or phone"
      listLabel="Contacts"
      noMatchText="No contacts match"
    />
  )
}
