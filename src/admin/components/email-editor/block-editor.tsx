import { ArrowDownMini, ArrowUpMini, Trash } from "@medusajs/icons"
import { Button, IconButton, Text } from "@medusajs/ui"
import type { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"
import { BlockFields } from "./block-fields"
import { BLOCK_KINDS, blockLabel } from "./block-kinds"

interface BlockEditorProps {
  blocks: EmailBlock[]
  onChange: (blocks: EmailBlock[]) => void
  disabled?: boolean
}

/**
 * An email as a list of blocks, each a group named by its position and kind ("Block 2: Text"), with
 * buttons to move and remove it, and one button per kind to add a block at the end.
 */
export const BlockEditor = ({ blocks, onChange, disabled }: BlockEditorProps) => {
  const replace = (index: number, block: EmailBlock) => onChange(blocks.map((other, at) => (at === index ? block : other)))
  const move = (index: number, by: number) => {
    const moved = [...blocks]
    ;[moved[index], moved[index + by]] = [moved[index + by], moved[index]]
    onChange(moved)
  }

  return (
    <div className="flex flex-col gap-y-3">
      {blocks.map((block, index) => {
        const name = `Block ${index + 1}: ${blockLabel(block.type)}`
        return (
          // Keyed by position: blocks have no ids, and moving one moves its inputs' values with it.
          <fieldset key={index} aria-label={name} className="shadow-borders-base flex flex-col gap-y-3 rounded-lg p-3">
            <div className="flex items-center justify-between">
              <div>
                <Text size="small" leading="compact" weight="plus">
                  {name}
                </Text>
              </div>
              <div className="flex items-center gap-x-1">
                <IconButton type="button" size="small" variant="transparent" aria-label={`Move block ${index + 1} up`} disabled={disabled || index === 0} onClick={() => move(index, -1)}>
                  <ArrowUpMini />
                </IconButton>
                <IconButton
                  type="button"
                  size="small"
                  variant="transparent"
                  aria-label={`Move block ${index + 1} down`}
                  disabled={disabled || index === blocks.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDownMini />
                </IconButton>
                <IconButton
                  type="button"
                  size="small"
                  variant="transparent"
                  aria-label={`Remove block ${index + 1}`}
                  disabled={disabled}
                  onClick={() => onChange(blocks.filter((_, at) => at !== index))}
                >
                  <Trash />
                </IconButton>
              </div>
            </div>
            <BlockFields block={block} disabled={disabled} onChange={(changed) => replace(index, changed)} />
          </fieldset>
        )
      })}
      <div role="group" aria-label="Add a block" className="flex flex-wrap gap-2">
        {BLOCK_KINDS.map((kind) => (
          <Button key={kind.type} type="button" size="small" variant="secondary" disabled={disabled} onClick={() => onChange([...blocks, kind.create()])}>
            Add {kind.label.toLowerCase()}
          </Button>
        ))}
      </div>
    </div>
  )
}
