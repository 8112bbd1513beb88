import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Skeleton, Text } from "@medusajs/ui"
import { ConsentBadge } from "../components/consent-badge"
import { SectionRow } from "../components/common/section-row"
import { ContactSegmentBadges } from "../components/contact-summary/contact-segment-badges"
import { ContactStatsRows } from "../components/contact-summary/contact-stats-rows"
import { MarketingWidgetHeader } from "../components/marketing-widget-header"
import { useContacts } from "../hooks/contacts"
import { contactPath } from "../lib/paths"

/**
 * On Medusa's customer page: the customer as marketing sees them — purchases, segments and consent —
 * from the contact the plugin keeps for them.
 */
const CustomerMarketingWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const { data, isPending, isError, error } = useContacts({ limit: 1, offset: 0, customer_id: customer.id })
  const contact = data?.contacts[0]

  return (
    <Container className="divide-y p-0">
      <MarketingWidgetHeader link={contact && { to: contactPath(contact.id), label: "View contact" }} />
      {isPending ? (
        <div className="px-6 py-4">
          <Skeleton className="h-20 w-full" />
        </div>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      ) : contact ? (
        <>
          <ContactStatsRows contact={contact} />
          <SectionRow title="Email consent" value={<ConsentBadge status={contact.email_consent} />} />
          <SectionRow title="SMS consent" value={<ConsentBadge status={contact.sms_consent} />} />
          <SectionRow title="Segments" value={<ContactSegmentBadges contactId={contact.id} />} />
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Not a marketing contact yet. Customers become contacts within moments of being created or ordering.
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  // Beside the customer, under the addresses: a summary like those, not a list like the orders in the main column.
  zone: "customer.details.side.after",
})

export default CustomerMarketingWidget
