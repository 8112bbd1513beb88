import { XMarkMini } from "@medusajs/icons"
import { Badge, IconButton, Text } from "@medusajs/ui"
import { useState } from "react"
import { OptionSource, PickerOption, useOptionLabels, useOptionSearch } from "../../hooks/picker-options"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import type { FieldControlProps } from "./form-field"
import { SearchCombobox } from "./search-combobox"

const SEARCH_DELAY_MS = 250

interface ResourcePickerProps {
  control: FieldControlProps
  source: OptionSource
  value: string[]
  onChange: (ids: string[]) => void
  /** At most one: picking another replaces it. */
  single?: boolean
}

/**
 * Records picked by search (products, segments, …), shown as removable badges above the search box.
 * Picked records keep the label they were found by; stored ones are looked up by id.
 */
export const ResourcePicker = ({ control, source, value, onChange, single = false }: ResourcePickerProps) => {
  const [text, setText] = useState("")
  const [picked, setPicked] = useState<PickerOption[]>([])
  const [hasOpened, setHasOpened] = useState(false)
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS)
  const search = useOptionSearch(source, q, hasOpened)
  const known = new Map(picked.map((option) => [option.id, option.label]))
  const unknownIds = value.filter((id) => !known.has(id))
  const stored = useOptionLabels(source, unknownIds)
  stored.data?.forEach((option) => known.set(option.id, option.label))

  const chosen = new Set(value)
  const options = (search.data ?? []).filter((option) => !chosen.has(option.id))

  const pick = (option: PickerOption) => {
    setPicked((current) => [...current, option])
    onChange(single ? [option.id] : [...value, option.id])
  }

  return (
    <div className="flex flex-col gap-y-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={`Chosen ${source.name.toLowerCase()}`}>
          {value.map((id) => (
            <li key={id}>
              <Badge size="small" className="flex items-center gap-x-1 pr-0.5">
                <span>{known.get(id) ?? id}</span>
                <IconButton
                  type="button"
                  size="2xsmall"
                  variant="transparent"
                  aria-label={`Remove ${known.get(id) ?? id}`}
                  onClick={() => onChange(value.filter((other) => other !== id))}
                >
                  <XMarkMini />
                </IconButton>
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <SearchCombobox
        control={control}
        text={text}
        onTextChange={setText}
        options={options}
        optionKey={(option) => option.id}
        renderOption={(option) => (
          <Text size="small" leading="compact">
            {option.label}
          </Text>
        )}
        onPick={pick}
        isSearching={search.isFetching || search.isPending}
        placeholder={`Search ${source.name.toLowerCase()}`}
        listLabel={source.name}
        noMatchText="Nothing matches"
        onOpen={() => setHasOpened(true)}
      />
    </div>
  )
}

interface SingleResourcePickerProps extends Omit<ResourcePickerProps, "value" | "onChange" | "single"> {
  value: string | null
  onChange: (id: string | null) => void
}

/** One record picked by search, e.g. a promotion's segment; removing it leaves none. */
export const SingleResourcePicker = ({ value, onChange, ...picker }: SingleResourcePickerProps) => (
  <ResourcePicker {...picker} single value={value ? [value] : []} onChange={([id]) => onChange(id ?? null)} />
)
