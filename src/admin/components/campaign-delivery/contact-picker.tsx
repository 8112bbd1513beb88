import { clx, Input, Text } from "@medusajs/ui"
import { KeyboardEvent, useId, useState } from "react"
import { useContacts } from "../../hooks/contacts"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { contactName } from "../../lib/contact-display"
import type { AdminContact } from "../../types/contacts"
import type { FieldControlProps } from "../common/form-field"

const RESULT_LIMIT = 8
const SEARCH_DELAY_MS = 250

interface ContactPickerProps {
  /** Ties the search box to its FormField's label and hint. */
  control: FieldControlProps
  onPick: (contact: AdminContact) => void
}

/**
 * A search box that lists the contacts it matches (ARIA's combobox pattern): arrow keys move through
 * them, Enter or a click picks one. @medusajs/ui has no combobox, and a select could not search the
 * audience, which may be far too large to list.
 */
export const ContactPicker = ({ control, onPick }: ContactPickerProps) => {
  const listboxId = useId()
  const [text, setText] = useState("")
  const [isOpen, setIsOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(0)
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS)
  const { data, isFetching } = useContacts({ q: q || undefined, limit: RESULT_LIMIT, offset: 0 })
  const contacts = data?.contacts ?? []
  const optionId = (index: number) => `${listboxId}-${index}`

  const pick = (contact: AdminContact) => {
    onPick(contact)
    setText("")
    setIsOpen(false)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      const step = event.key === "ArrowDown" ? 1 : -1
      setIsOpen(true)
      setActiveIndex((index) => Math.min(Math.max(index + step, 0), Math.max(contacts.length - 1, 0)))
    } else if (event.key === "Enter" && isOpen && contacts[activeIndex]) {
      // Picks the contact instead of submitting a form the picker sits in.
      event.preventDefault()
      pick(contacts[activeIndex])
    } else if (event.key === "Escape" && isOpen) {
      setIsOpen(false)
    }
  }

  return (
    <div className="relative">
      <Input
        {...control}
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="Search by name, email or phone"
        aria-expanded={isOpen}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && contacts[activeIndex] ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setActiveIndex(0)
          setIsOpen(true)
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={handleKeyDown}
      />
      {isOpen && (
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Contacts"
          className="bg-ui-bg-component shadow-elevation-flyout absolute z-10 mt-1 max-h-72 w-full overflow-y-auto rounded-lg p-1"
        >
          {contacts.map((contact, index) => (
            <li
              key={contact.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Not onClick: the box's blur would close the list before the click arrived.
              onMouseDown={(event) => {
                event.preventDefault()
                pick(contact)
              }}
              onMouseEnter={() => setActiveIndex(index)}
              className={clx("cursor-pointer rounded-md px-2 py-1.5", index === activeIndex && "bg-ui-bg-component-hover")}
            >
              <Text size="small" leading="compact" weight="plus">
                {contactName(contact) ?? contact.id}
              </Text>
              {contact.email && contactName(contact) !== contact.email && (
                <Text size="small" leading="compact" className="text-ui-fg-subtle">
                  {contact.email}
                </Text>
              )}
            </li>
          ))}
          {!contacts.length && (
            <li className="px-2 py-1.5">
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {isFetching ? "Searching…" : "No contacts match"}
              </Text>
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
