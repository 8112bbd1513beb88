import { OPTION_SOURCES } from "../hooks/picker-options"
import { segmentPath } from "../lib/paths"
import { RecordLink } from "./common/record-link"

/** A segment known by id, by its name, linked to its page. */
export const SegmentLink = ({ id }: { id: string }) => (
  <RecordLink source={OPTION_SOURCES.segments} id={id} to={segmentPath(id)} />
)
