import { clx } from "@medusajs/ui"

/** A coloured stretch of the bar: a percentage of the whole, e.g. the messages that failed. */
export interface ProgressPart {
  value: number
  className: string
}

interface ProgressBarProps {
  /** What is progressing, for screen readers, e.g. "Import progress". */
  label: string
  /** Done so far, 0 to 100; leave it out while the total is unknown, for a bar that only shows activity. */
  value?: number
  /** How the value reads aloud when a percentage says too little, e.g. "28 of 30 messages sent". */
  valueText?: string
  /**
   * Draws the bar in parts, one after another, instead of one fill up to `value`: how the work went,
   * not only how far it has come. `value` still says the latter, for screen readers.
   */
  parts?: ProgressPart[]
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value))

/**
 * A progress bar in Medusa's colours (@medusajs/ui has none). Without a value it pulses across its whole
 * width and leaves out aria-valuenow, which is how ARIA marks a progress of unknown extent.
 */
export const ProgressBar = ({ label, value, valueText, parts }: ProgressBarProps) => {
  const isIndeterminate = value === undefined
  const percent = isIndeterminate ? 100 : clampPercent(value)
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={isIndeterminate ? undefined : percent}
      aria-valuetext={valueText}
      className="bg-ui-bg-switch-off flex h-2 w-full overflow-hidden rounded-full"
    >
      {parts ? (
        parts.map((part, index) => (
          <div
            key={index}
            className={clx("h-full transition-[width]", part.className)}
            style={{ width: `${clampPercent(part.value)}%` }}
          />
        ))
      ) : (
        <div
          className={clx("bg-ui-fg-interactive h-full rounded-full transition-[width]", isIndeterminate && "animate-pulse")}
          style={{ width: `${percent}%` }}
        />
      )}
    </div>
  )
}
