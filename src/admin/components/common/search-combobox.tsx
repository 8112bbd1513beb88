import { clx, Input, Text } from "@medusajs/ui"
import { KeyboardEvent, ReactNode, useId, useState } from "react"
import type { FieldControlProps } from "./form-field"

interface SearchComboboxProps<TOption> {
  /** Ties the search box to its FormField's label and hint. */
  control: FieldControlProps
  /** The text typed; the caller searches for it, after a pause in typing. */
  text: string
  onTextChange: (text: string) => void
  /** What the text matches so far. */
  options: TOption[]
  optionKey: (option: TOption) => string
  renderOption: (option: TOption) => ReactNode
  onPick: (option: TOption) => void
  /** A search is on its way: said instead of "nothing matches" while there are no options yet. */
  isSearching: boolean
  placeholder: string
  /** The list's name for screen readers, e.g. "Contacts". */
  listLabel: string
  noMatchText: string
  /** Told when the list opens, e.g. to search only once someone is looking. */
  onOpen?: () => void
}

/**
 * A search box that lists what it matches (ARIA's combobox pattern): arrow keys move through the
 * options, Enter or a click picks one. @medusajs/ui has no combobox, and a select could not search
 * lists far too large to load whole (contacts, products).
 */
export const SearchCombobox = <TOption,>({
  control,
  text,
  onTextChange,
  options,
  optionKey,
  renderOption,
  onPick,
  isSearching,
  placeholder,
  listLabel,
  noMatchText,
  onOpen,
}: SearchComboboxProps<TOption>) => {
  const listboxId = useId()
  const [isOpen, setIsOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(0)
  const optionId = (index: number) => `${listboxId}-${index}`
  const open = () => {
    setIsOpen(true)
    onOpen?.()
  }

  const pick = (option: TOption) => {
    onPick(option)
    onTextChange("")
    setIsOpen(false)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      const step = event.key === "ArrowDown" ? 1 : -1
      open()
      setActiveIndex((index) => Math.min(Math.max(index + step, 0), Math.max(options.length - 1, 0)))
    } else if (event.key === "Enter" && isOpen && options[activeIndex]) {
      // Picks the option instead of submitting a form the box sits in.
      event.preventDefault()
      pick(options[activeIndex])
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
        placeholder={placeholder}
        aria-expanded={isOpen}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && options[activeIndex] ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value)
          setActiveIndex(0)
          open()
        }}
        onFocus={open}
        onBlur={() => setIsOpen(false)}
        onKeyDown={handleKeyDown}
      />
      {isOpen && (
        <ul
          id={listboxId}
          role="listbox"
          aria-label={listLabel}
          className="bg-ui-bg-component shadow-elevation-flyout absolute z-10 mt-1 max-h-72 w-full overflow-y-auto rounded-lg p-1"
        >
          {options.map((option, index) => (
            <li
              key={optionKey(option)}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Not onClick: the box's blur would close the list before the click arrived.
              onMouseDown={(event) => {
                event.preventDefault()
                pick(option)
              }}
              onMouseEnter={() => setActiveIndex(index)}
              className={clx("cursor-pointer rounded-md px-2 py-1.5", index === activeIndex && "bg-ui-bg-component-hover")}
            >
              {renderOption(option)}
            </li>
          ))}
          {!options.length && (
            <li className="px-2 py-1.5">
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {isSearching ? "Searching…" : noMatchText}
              </Text>
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
