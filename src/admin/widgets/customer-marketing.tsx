import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Skeleton, Text } from "@medusajs/ui"
import { ConsentBadge } from "../components/consent-badge"
import { SectionRow } from "../components/common/section-row"
import { ContactSegmentBadges } from "../components/contact-summary/contact-segment-badges"
import { ContactStatsRows } from "../components/contact-summary/contact-stats-rows"
import { MarketingWidgetHeader } from "../components/marketing-widget-header"
import { useCustomerAnalytics } from "../hooks/analytics-reports"
import { useContacts } from "../hooks/contacts"
import { formatMinorMoney } from "../lib/analytics-display"
import { CREDITING_MODEL_NAMES } from "../../modules/analytics/lib/names"
import { formatDateTime } from "../lib/format"
import type { AdminCustomerAnalyticsResponse } from "../types/analytics-reports"
import { contactPath } from "../lib/paths"

/**
 * On Medusa's customer page: the customer as marketing sees them — purchases, revenue attributed to
 * marketing, last engagement, segments and consent — from the contact the plugin keeps for them.
 */
const CustomerMarketingWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const { data, isPending, isError, error } = useContacts({ limit: 1, offset: 0, customer_id: customer.id })
  const { data: analytics } = useCustomerAnalytics(customer.id)
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
          {analytics && <CustomerAnalyticsRows analytics={analytics} />}
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

/** Revenue credited to marketing under each model (side by side, never summed: orders in brackets), and the last open or click. */
const CustomerAnalyticsRows = ({ analytics }: { analytics: AdminCustomerAnalyticsResponse }) => {
  const engagement = analytics.last_engagement
  return (
    <>
      <SectionRow
        title="Attributed revenue"
        value={
          analytics.attributed.length ? (
            <span className="flex flex-col items-end" data-testid="customer-attributed-revenue">
              {analytics.attributed.map((row) =>
                (["last_click", "last_touch", "code"] as const).map((model) => (
                  <span key={`${row.currency_code}:${model}`}>
                    {CREDITING_MODEL_NAMES[model]}: {formatMinorMoney(row[model].revenue, row.currency_code)} ({row[model].orders})
                  </span>
                ))
              )}
            </span>
          ) : null
        }
      />
      <SectionRow
        title="Last engagement"
        value={
          engagement
            ? `${engagement.type === "click" ? "Clicked" : "Opened"} ${engagement.campaign?.name ?? engagement.journey?.name ?? "a message"}, ${formatDateTime(engagement.at)}`
            : null
        }
      />
    </>
  )
}

export const config = defineWidgetConfig({
  // Beside the customer, under the addresses: a summary like those, not a list like the orders in the main column.
  zone: "customer.details.side.after",
})

export default CustomerMarketingWidget
