import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Badge, Skeleton, Text } from "@medusajs/ui"
import { ReactNode, useId, useState } from "react"
import { useSegmentReference } from "../../hooks/segments"

interface DslReferencePanelProps {
  /** Types a field or function at the editor's caret. */
  onInsert: (snippet: string) => void
}

const ReferenceGroup = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Text size="xsmall" weight="plus" className="text-ui-fg-muted px-2 uppercase">
      {title}
    </Text>
    <div className="flex flex-col">{children}</div>
  </div>
)

const ReferenceItem = ({ code, description, detail, onClick }: { code: string; description: string; detail?: string; onClick: () => void }) => (
  <button
    type="button"
    onClick={onClick}
    title="Insert at the cursor"
    className="hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus grid grid-cols-[minmax(0,200px)_1fr] items-baseline gap-x-3 rounded-md px-2 py-1.5 text-left outline-none"
  >
    <code className="txt-compact-small text-ui-fg-base truncate font-mono">{code}</code>
    <span className="txt-compact-small text-ui-fg-subtle">
      {description}
      {detail && <span className="text-ui-fg-muted block font-mono text-xs">{detail}</span>}
    </span>
  </button>
)

/**
 * What the segment language offers, from the server, folded away until wanted: fields with their
 * operators, functions, and how conditions combine. A click types the field or function at the caret.
 */
export const DslReferencePanel = ({ onInsert }: DslReferencePanelProps) => {
  const [isOpen, setIsOpen] = useState(false)
  const contentId = useId()
  const { data, isPending, isError, error } = useSegmentReference()

  return (
    <div className="flex flex-col gap-y-2">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={contentId}
        onClick={() => setIsOpen((open) => !open)}
        className="txt-compact-small-plus text-ui-fg-subtle hover:text-ui-fg-base flex items-center gap-x-1 self-start outline-none"
      >
        {isOpen ? <TriangleDownMini /> : <TriangleRightMini />}
        Fields and functions
      </button>
      {isOpen && (
        <div id={contentId} className="bg-ui-bg-component flex max-h-80 flex-col gap-y-4 overflow-y-auto rounded-lg border p-2">
          {isPending && <Skeleton className="h-24 w-full" />}
          {isError && (
            <Text size="small" className="text-ui-fg-error px-2">
              The reference could not be loaded: {error.message}
            </Text>
          )}
          {data && (
            <>
              <ReferenceGroup title="Fields">
                {data.fields.map((field) => (
                  <ReferenceItem
                    key={field.name}
                    code={field.name}
                    description={field.description}
                    detail={field.operators.join("  ")}
                    // `metadata.<key>` stands for any key: the admin types the key after the dot.
                    onClick={() => onInsert(field.name.replace("<key>", ""))}
                  />
                ))}
              </ReferenceGroup>
              <ReferenceGroup title="Functions">
                {data.functions.map((fn) => (
                  <ReferenceItem
                    key={fn.name}
                    code={fn.signature}
                    description={fn.description}
                    onClick={() => onInsert(`${fn.name}(`)}
                  />
                ))}
              </ReferenceGroup>
              <ReferenceGroup title="Combine and compare">
                <div className="flex flex-wrap gap-1 px-2 py-1">
                  {[...data.logic, ...data.literals].map((item) => (
                    <Badge key={item} size="2xsmall" className="font-mono">
                      {item}
                    </Badge>
                  ))}
                </div>
              </ReferenceGroup>
            </>
          )}
        </div>
      )}
    </div>
  )
}
