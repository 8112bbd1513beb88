import { Spinner } from "@medusajs/icons"
import { clx, Heading, Text } from "@medusajs/ui"
import { formatNumber } from "../../lib/format"
import type { SegmentPreviewResponse } from "../../types/segments"
import { SampleContactRow } from "./sample-contact-row"

interface SegmentPreviewPanelProps {
  /** The last count and sample the conditions gave; undefined before the first one. */
  result?: SegmentPreviewResponse
  /** A newer answer is on its way, or the text has changed since this one. */
  isStale: boolean
  /** The text now has a problem: the count is the last one it had, not its own. */
  isOutOfDate?: boolean
  error?: Error | null
  /** Shown when there is nothing to count yet. */
  emptyMessage: string
  linkToContacts?: boolean
}

/**
 * How many contacts the conditions match now, and the newest of them. Laid out as the rows of a
 * detail section, so it fits a `Container` as well as the form's side column.
 */
export const SegmentPreviewPanel = ({
  result,
  isStale,
  isOutOfDate = false,
  error,
  emptyMessage,
  linkToContacts = false,
}: SegmentPreviewPanelProps) => (
  <div className="flex flex-col divide-y" aria-busy={isStale}>
    <div className="flex items-start justify-between px-6 py-4">
      <div className={clx(isOutOfDate && "opacity-50")} data-testid="segment-count" data-out-of-date={isOutOfDate}>
        <Text size="small" weight="plus" className="text-ui-fg-subtle">
          Matching contacts{isOutOfDate && result && " (out of date)"}
        </Text>
        <Heading level="h2" className="text-ui-fg-base text-2xl" data-testid="segment-match-count">
          {result ? formatNumber(result.count) : "–"}
        </Heading>
        {result && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="segment-reachable-count">
            {formatNumber(result.reachable.email)} reachable by email
          </Text>
        )}
        {isOutOfDate && result && (
          <Text size="small" className="text-ui-fg-muted">
            Counted before the conditions' problem: fix it to count again.
          </Text>
        )}
      </div>
      {isStale && <Spinner className="text-ui-fg-muted mt-1 animate-spin" aria-label="Updating" />}
    </div>
    {error ? (
      <Text size="small" className="text-ui-fg-error px-6 py-4">
        The preview could not be loaded: {error.message}
      </Text>
    ) : !result ? (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        {emptyMessage}
      </Text>
    ) : result.sample.length ? (
      <>
        {result.sample.map((contact) => (
          <SampleContactRow key={contact.id} contact={contact} linkToContact={linkToContacts} />
        ))}
        {result.count > result.sample.length && (
          <Text size="small" className="text-ui-fg-muted px-6 py-3">
            The {result.sample.length} newest of {formatNumber(result.count)} contacts.
          </Text>
        )}
      </>
    ) : (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No contact matches these conditions yet.
      </Text>
    )}
  </div>
)
