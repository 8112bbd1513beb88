import { StatusBadge } from "@medusajs/ui"
import type { SegmentKind } from "../../types/audience"
import { SEGMENT_KINDS } from "../lib/segment-display"

export const SegmentKindBadge = ({ kind }: { kind: SegmentKind }) => {
  const { label, color } = SEGMENT_KINDS[kind]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
