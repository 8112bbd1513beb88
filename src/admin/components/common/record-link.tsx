import { Link } from "react-router-dom"
import { OptionSource, useOptionLabels } from "../../hooks/picker-options"

interface RecordLinkProps {
  source: OptionSource
  id: string
  /** The record's page. */
  to: string
}

/** A record known by id, by its name, linked to its page; its id until the name arrives. */
export const RecordLink = ({ source, id, to }: RecordLinkProps) => {
  const { data } = useOptionLabels(source, [id])
  return (
    <Link to={to} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      {data?.[0]?.label ?? id}
    </Link>
  )
}
