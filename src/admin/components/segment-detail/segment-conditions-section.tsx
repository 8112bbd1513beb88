import { Container, Heading } from "@medusajs/ui"
import type { AdminSegment } from "../../types/segments"

/** The segment's conditions as written. */
export const SegmentConditionsSection = ({ segment }: { segment: AdminSegment }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Conditions</Heading>
    </div>
    <div className="px-6 py-4">
      <pre className="bg-ui-bg-subtle text-ui-fg-subtle txt-compact-small max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg px-4 py-3 font-mono">
        {segment.dsl}
      </pre>
    </div>
  </Container>
)
