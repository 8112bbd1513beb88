import { useSegment } from "../../hooks/segments"

/** The segment's name in the admin's breadcrumbs; it shares the page's query, so renaming updates it. */
export const SegmentBreadcrumb = ({ id }: { id: string }) => {
  const { data } = useSegment(id)
  return data ? <span>{data.segment.name}</span> : null
}
