import { FocusModal } from "@medusajs/ui"
import type { AdminSegment } from "../../types/segments"
import { SegmentForm } from "./segment-form"

interface SegmentFormModalProps {
  /** The segment to edit; without one, the modal creates a segment. */
  segment?: AdminSegment
  open: boolean
  onOpenChange: (open: boolean) => void
  onSaved?: (segment: AdminSegment) => void
}

/**
 * A full-screen modal rather than a drawer, as Medusa uses for its larger forms: the conditions and
 * the contacts they match need room side by side.
 */
export const SegmentFormModal = ({ segment, open, onOpenChange, onSaved }: SegmentFormModalProps) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>
      {/* Mounted only while open, so every opening starts from the segment as it is now. */}
      <SegmentForm
        segment={segment}
        onSaved={(saved) => {
          onOpenChange(false)
          onSaved?.(saved)
        }}
      />
    </FocusModal.Content>
  </FocusModal>
)
