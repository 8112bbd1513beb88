import { clx } from "@medusajs/ui"

interface ProgressBarProps {
  /** What is progressing, for screen readers, e.g. "Import progress". */
  label: string
  /** Done so far, 0 to 100; leave it out while the total is unknown, for a bar that only shows activity. */
  value?: number
}

/**
 * A progress bar in Medusa's colours (@medusajs/ui has none). Without a value it pulses across its whole
 * width and leaves out aria-valuenow, which is how ARIA marks a progress of unknown extent.
 */
export const ProgressBar = ({ label, value }: ProgressBarProps) => {
  const isIndeterminate = value === undefined
  const percent = isIndeterminate ? 100 : Math.min(100, Math.max(0, value))
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={isIndeterminate ? undefined : percent}
      className="bg-ui-bg-switch-off h-2 w-full overflow-hidden rounded-full"
    >
      <div
        className={clx("bg-ui-fg-interactive h-full rounded-full transition-[width]", isIndeterminate && "animate-pulse")}
        style={{ width: `${percent}%` }}
      />
    </div>
  )
}
