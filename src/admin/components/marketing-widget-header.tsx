import { Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

interface MarketingWidgetHeaderProps {
  /** The marketing page of what the widget shows, e.g. the contact behind a customer. */
  link?: { to: string; label: string }
  description?: string
}

/** The heading of the plugin's widgets on Medusa's own pages. */
export const MarketingWidgetHeader = ({ link, description }: MarketingWidgetHeaderProps) => (
  <div className="flex items-center justify-between px-6 py-4">
    <div>
      <Heading level="h2">Marketing</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {link && (
      <Link to={link.to} className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
        {link.label}
      </Link>
    )}
  </div>
)
