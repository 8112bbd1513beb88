import { Container } from "@medusajs/ui"
import { useSegmentPreview } from "../../hooks/segment-preview"
import type { AdminSegment } from "../../types/segments"
import { SegmentPreviewPanel } from "../segment-preview/segment-preview-panel"

/** Who the conditions match now; for a static segment, who the next snapshot would take. */
export const SegmentMembersSection = ({ segment }: { segment: AdminSegment }) => {
  const preview = useSegmentPreview(segment.dsl, segment.handle)
  return (
    <Container className="p-0">
      <SegmentPreviewPanel
        result={preview.result}
        isStale={preview.isStale}
        // A saved segment's conditions were valid; another segment it uses may have changed since.
        error={preview.error ?? (preview.problem && new Error(preview.problem.message))}
        emptyMessage="Counting…"
        linkToContacts
      />
    </Container>
  )
}
