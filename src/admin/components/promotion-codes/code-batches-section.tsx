import { Container, Heading, Text } from "@medusajs/ui"
import { useCodeBatches } from "../../hooks/promotion-codes"
import { codeBatchLabel } from "../../lib/code-batch-display"
import { formatNumber } from "../../lib/format"
import { VoidBatchButton } from "./void-batch-button"

/** The promotion's code batches, each with what is left of it, and voided whole from here. */
export const CodeBatchesSection = ({ promotionId }: { promotionId: string }) => {
  const { data, isError, error } = useCodeBatches(promotionId)
  const batches = data?.batches ?? []

  return (
    <Container className="divide-y p-0" role="region" aria-label="Code batches">
      <div className="px-6 py-4">
        <Heading level="h2">Code batches</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each generation run; voiding one voids its codes nobody holds yet.
        </Text>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          The batches could not be loaded: {error.message}
        </Text>
      ) : batches.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No batches yet.
        </Text>
      ) : (
        <ul>
          {batches.map((batch) => (
            <li key={batch.batch_id} className="flex items-center justify-between gap-x-4 px-6 py-3" aria-label={codeBatchLabel(batch)}>
              <div className="min-w-0">
                <Text size="small" leading="compact" weight="plus" className="truncate" title={batch.batch_id}>
                  {codeBatchLabel(batch)}
                </Text>
                <Text size="small" leading="compact" className="text-ui-fg-subtle">
                  {formatNumber(batch.available)} available · {formatNumber(batch.assigned)} given to contacts
                </Text>
              </div>
              <VoidBatchButton promotionId={promotionId} batch={batch} />
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
