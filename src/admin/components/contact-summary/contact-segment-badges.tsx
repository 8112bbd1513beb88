import { Badge, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useContactSegments } from "../../hooks/contacts"
import { segmentPath } from "../../lib/paths"

/** The segments the contact is in now, each linking to its page. */
export const ContactSegmentBadges = ({ contactId }: { contactId: string }) => {
  const { data, isPending, isError, error } = useContactSegments(contactId)
  if (isPending) return <Skeleton className="h-5 w-32" />
  if (isError) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-error">
        {error.message}
      </Text>
    )
  }
  if (!data.segments.length) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        In no segment
      </Text>
    )
  }
  return (
    <div className="flex flex-wrap gap-1">
      {data.segments.map((segment) => (
        <Badge key={segment.id} size="2xsmall" asChild>
          <Link to={segmentPath(segment.id)}>{segment.name}</Link>
        </Badge>
      ))}
    </div>
  )
}
