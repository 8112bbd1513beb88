import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useDeleteSegment, useDuplicateSegment } from "../../hooks/segments"
import { formatDateTime, formatNumber } from "../../lib/format"
import { SEGMENTS_PATH, customerGroupPath, segmentPath } from "../../lib/paths"
import type { AdminSegment } from "../../types/segments"
import { ActionMenu } from "../common/action-menu"
import { SectionRow } from "../common/section-row"
import { useDuplicateAction } from "../common/use-duplicate-action"
import { SegmentFormModal } from "../segment-form/segment-form-modal"
import { SegmentKindBadge } from "../segment-kind-badge"
import { SnapshotButton } from "./snapshot-button"

export const SegmentGeneralSection = ({ segment }: { segment: AdminSegment }) => {
  const [isEditing, setIsEditing] = useState(false)
  const confirmDelete = useDeleteConfirmation(segment)
  const duplicate = useDuplicateAction({
    noun: "Segment",
    duplicate: useDuplicateSegment(segment.id),
    copyOf: (response) => response.segment,
    pathOf: segmentPath,
  })
  const isStatic = segment.kind === "static"

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading>{segment.name}</Heading>
        <div className="flex items-center gap-x-4">
          <SegmentKindBadge kind={segment.kind} />
          <ActionMenu
            label="Segment actions"
            groups={[
              [{ label: "Edit", icon: <PencilSquare />, onClick: () => setIsEditing(true) }, duplicate],
              [{ label: "Delete", icon: <Trash />, onClick: confirmDelete }],
            ]}
          />
        </div>
      </div>
      <SectionRow title="Handle" value={<code className="font-mono">{segment.handle}</code>} />
      <SectionRow title="Description" value={segment.description} />
      <SectionRow
        title="Customer group"
        value={
          // The native group a synced segment keeps, named after it.
          segment.customer_group_id ? (
            <Link to={customerGroupPath(segment.customer_group_id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {segment.name}
            </Link>
          ) : (
            "Not synced"
          )
        }
      />
      {isStatic && (
        <>
          <SectionRow
            title="Members"
            value={segment.member_count == null ? "No snapshot yet" : formatNumber(segment.member_count)}
          />
          <SectionRow title="Snapshot taken" value={segment.counted_at && formatDateTime(segment.counted_at)} />
        </>
      )}
      <SectionRow title="Updated" value={formatDateTime(segment.updated_at)} />
      {isStatic && (
        <div className="flex justify-end px-6 py-4">
          <SnapshotButton segment={segment} />
        </div>
      )}
      <SegmentFormModal segment={segment} open={isEditing} onOpenChange={setIsEditing} />
    </Container>
  )
}

/** Asks before deleting, then leaves for the list: the page would show a segment that is gone. */
function useDeleteConfirmation(segment: AdminSegment) {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const deleteSegment = useDeleteSegment(segment.id)

  return async () => {
    const confirmed = await prompt({
      title: "Delete segment?",
      description: `"${segment.name}" will be deleted. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    deleteSegment.mutate(undefined, {
      onSuccess: () => {
        toast.success(`Segment "${segment.name}" was deleted`)
        navigate(SEGMENTS_PATH, { replace: true })
      },
      // E.g. another segment or a campaign still uses it: the server names which.
      onError: (error) => toast.error("Could not delete the segment", { description: error.message }),
    })
  }
}
