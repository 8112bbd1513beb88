import { clx } from "@medusajs/ui"
import { RefObject, UIEvent, useRef } from "react"
import type { SegmentDslProblem } from "../../types/segments"
import type { FieldControlProps } from "../common/form-field"
import { problemRange } from "./dsl-problem-range"

const MIN_ROWS = 6

interface DslEditorProps extends FieldControlProps {
  value: string
  onChange: (value: string) => void
  /** The problem the server found in this text, marked where it is. */
  problem?: Pick<SegmentDslProblem, "line" | "column" | "token">
  textareaRef?: RefObject<HTMLTextAreaElement>
  placeholder?: string
}

// The text, the marks behind it and the line numbers beside it must line up character for character,
// so they share one font, size, line height and padding, and lines never wrap (long ones scroll).
const TEXT_LAYOUT = "font-mono txt-compact-small leading-6 whitespace-pre px-3 py-2"

/**
 * A plain-text editor for segment conditions: line numbers in a gutter, and the problem the server
 * found underlined in red at its place. The marks are drawn on a copy of the text behind a transparent
 * textarea, which keeps the browser's own editing (undo, selection, IME) intact.
 */
export const DslEditor = ({ value, onChange, problem, textareaRef, placeholder, ...control }: DslEditorProps) => {
  const backdropRef = useRef<HTMLDivElement>(null)
  const lineCount = value.split("\n").length
  const range = problem && problemRange(value, problem)

  // The textarea grows with its text, so it only ever scrolls sideways; the marks follow.
  const syncScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    if (backdropRef.current) backdropRef.current.scrollLeft = event.currentTarget.scrollLeft
  }

  return (
    <div
      className={clx(
        "bg-ui-bg-field shadow-borders-base flex overflow-hidden rounded-md",
        "focus-within:shadow-borders-interactive-with-active",
        control["aria-invalid"] && "shadow-borders-error"
      )}
    >
      <div
        aria-hidden
        className={clx(TEXT_LAYOUT, "bg-ui-bg-component text-ui-fg-muted select-none border-r text-right")}
      >
        {Array.from({ length: Math.max(lineCount, MIN_ROWS) }, (_, index) => (
          <div key={index} className={clx(problem?.line === index + 1 && "text-ui-fg-error")}>
            {index + 1}
          </div>
        ))}
      </div>
      <div className="relative min-w-0 flex-1">
        <div ref={backdropRef} aria-hidden className={clx(TEXT_LAYOUT, "absolute inset-0 overflow-hidden text-transparent")}>
          {range ? (
            <>
              {value.slice(0, range.start)}
              <mark
                data-testid="dsl-problem-mark"
                className={clx(
                  "bg-ui-tag-red-bg text-transparent underline decoration-ui-fg-error decoration-wavy underline-offset-4",
                  // At the end of the input there is no token: a narrow block marks where one is missing.
                  range.start === range.end && "inline-block w-2"
                )}
              >
                {value.slice(range.start, range.end) || "\u200b"}
              </mark>
              {value.slice(range.end)}
            </>
          ) : (
            value
          )}
        </div>
        <textarea
          {...control}
          ref={textareaRef}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onScroll={syncScroll}
          rows={Math.max(lineCount, MIN_ROWS)}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder={placeholder}
          className={clx(
            TEXT_LAYOUT,
            "text-ui-fg-base placeholder:text-ui-fg-muted caret-ui-fg-base relative block w-full resize-none overflow-x-auto overflow-y-hidden bg-transparent outline-none"
          )}
        />
      </div>
    </div>
  )
}
