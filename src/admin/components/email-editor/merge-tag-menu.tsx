import { Tag } from "@medusajs/icons"
import { DropdownMenu, IconButton, Text } from "@medusajs/ui"
import { MERGE_TAGS, mergeTagSource } from "../../../modules/messaging/lib/merge-tags"

/**
 * Lists the variables a template can use (the renderer's own list); picking one inserts its tag. Its
 * name leaves out the field's: Playwright's getByLabel("Subject") would match the button too.
 */
export const MergeTagMenu = ({ onInsert, disabled }: { onInsert: (tag: string) => void; disabled?: boolean }) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      <IconButton type="button" size="small" variant="transparent" aria-label="Insert merge tag" disabled={disabled}>
        <Tag />
      </IconButton>
    </DropdownMenu.Trigger>
    <DropdownMenu.Content align="end" className="max-h-80 overflow-y-auto">
      <DropdownMenu.Label>Merge tags</DropdownMenu.Label>
      {MERGE_TAGS.map((tag) => (
        <DropdownMenu.Item key={tag.name} onSelect={() => onInsert(mergeTagSource(tag.name))} className="flex flex-col items-start">
          <Text size="small" weight="plus">
            {tag.label}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle font-mono">
            {mergeTagSource(tag.name)}
          </Text>
        </DropdownMenu.Item>
      ))}
    </DropdownMenu.Content>
  </DropdownMenu>
)
