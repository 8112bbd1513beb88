import type { SegmentKind } from "../../types/audience"

/** How each kind of segment reads in badges, filters and the form. */
export const SEGMENT_KINDS: Record<SegmentKind, { label: string; color: "green" | "blue"; description: string }> = {
  live: {
    label: "Live",
    color: "green",
    description: "Members are worked out afresh each time the segment is used.",
  },
  static: {
    label: "Static",
    color: "blue",
    description: "Members are fixed when you take a snapshot, until the next one.",
  },
}
