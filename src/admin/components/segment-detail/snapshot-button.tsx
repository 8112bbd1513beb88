import { Button, toast } from "@medusajs/ui"
import { useSnapshotSegment } from "../../hooks/segments"
import { formatNumber } from "../../lib/format"
import type { AdminSegment } from "../../types/segments"

/** Fixes a static segment's members to the contacts its conditions match now. */
export const SnapshotButton = ({ segment }: { segment: AdminSegment }) => {
  const snapshot = useSnapshotSegment(segment.id)
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={snapshot.isPending}
      onClick={() =>
        snapshot.mutate(undefined, {
          onSuccess: ({ segment: counted }) =>
            toast.success(`Snapshot taken: ${formatNumber(counted.member_count ?? 0)} members`),
          onError: (error) => toast.error("Could not take the snapshot", { description: error.message }),
        })
      }
    >
      Take snapshot
    </Button>
  )
}
