import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useCampaignReport } from "../../hooks/campaign-report"
import { formatMinorMoney } from "../../lib/analytics-display"
import { formatDateTime, formatNumber, formatPercent } from "../../lib/format"
import { orderPath } from "../../lib/paths"
import type { CampaignDelivery } from "../../types/messages"
import { Funnel } from "../analytics-dashboard/funnel"
import { DeliveryProgress } from "../campaign-delivery/delivery-progress"
import { ReportPdfButton } from "../common/report-pdf-button"
import { MAILBOX_PROVIDER_NAMES } from "../../../modules/analytics/lib/names"
import { CampaignMoney } from "./campaign-money"
import { EngagementHoursChart } from "./engagement-hours-chart"
import { ReportTable } from "./report-table"


const shareOf = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : "—")

interface CampaignReportSectionProps {
  campaign: AdminCampaign
  delivery: CampaignDelivery
  /** Messages are still going out: said, so that a person waits for the numbers. */
  live: boolean
}

/**
 * The campaign's report, kept current while its figures can change: how it went out, the funnel,
 * opens and clicks by the hour, its money and ROI, clicks per link, mailbox providers, its orders.
 */
export const CampaignReportSection = ({ campaign, delivery, live }: CampaignReportSectionProps) => {
  const { data, error } = useCampaignReport(campaign, delivery)
  const report = data?.report
  const isEmail = campaign.channel === "email"

  return (
    <Container className="divide-y p-0" aria-label="Delivery report" role="region">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Report</Heading>
        <div className="flex items-center gap-x-3">
          {live && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Updating live…
            </Text>
          )}
          <ReportPdfButton path={`campaigns/${campaign.id}/pdf`} fileName={`campaign-${campaign.id}.pdf`} />
        </div>
      </div>
      <DeliveryProgress delivery={delivery} />
      {!report ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {error ? `The report could not be loaded: ${error.message}` : "Loading the report…"}
        </Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-1 py-2">
            <Text size="small" leading="compact" className="text-ui-fg-subtle px-6 pt-2">
              People, not events: a contact who clicks twice counts once. Bots and mail scanners are left out.
              {report.bounced > 0 && ` ${formatNumber(report.bounced)} bounced.`}
              {report.unsubscribed > 0 && ` ${formatNumber(report.unsubscribed)} unsubscribed.`}
            </Text>
            <Funnel counts={report.funnel} testIdPrefix="funnel" />
          </div>
          <CampaignMoney report={report} />
          <section className="flex flex-col gap-y-2 px-6 py-4" aria-label="Engagement after sending">
            <Heading level="h3">First 72 hours after sending</Heading>
            <EngagementHoursChart hours={report.hours} />
          </section>
          <ReportTable
            campaignId={campaign.id}
            table="links"
            title="Clicks per link"
            rows={report.links}
            rowKey={(link) => String(link.position)}
            empty="No link was clicked yet."
            columns={[
              { header: "Link", cell: (link) => <span className="break-all">{link.url ?? `Link ${link.position + 1}`}</span> },
              { header: "Clicks", cell: (link) => formatNumber(link.clicks), numeric: true },
              { header: "People", cell: (link) => formatNumber(link.clicked), numeric: true },
            ]}
          />
          {isEmail && (
            <ReportTable
              campaignId={campaign.id}
              table="providers"
              title="Mailbox providers"
              rows={report.providers.filter((row) => row.sent > 0)}
              rowKey={(row) => row.provider}
              empty="Nothing sent yet."
              columns={[
                { header: "Provider", cell: (row) => MAILBOX_PROVIDER_NAMES[row.provider] },
                { header: "Sent", cell: (row) => formatNumber(row.sent), numeric: true },
                { header: "Bounced", cell: (row) => `${formatNumber(row.bounced)} (${shareOf(row.bounced, row.sent)})`, numeric: true },
                { header: "Opened", cell: (row) => `${formatNumber(row.opened)} (${shareOf(row.opened, row.delivered)})`, numeric: true },
              ]}
            />
          )}
          <ReportTable
            campaignId={campaign.id}
            table="orders"
            title="Orders"
            rows={report.orders.items}
            rowKey={(order) => order.order_id}
            empty="No order came through this campaign yet."
            columns={[
              {
                header: "Order",
                cell: (order) => (
                  <Link to={orderPath(order.order_id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg">
                    {order.display_id === null ? order.order_id : `#${order.display_id}`}
                  </Link>
                ),
              },
              { header: "Placed", cell: (order) => formatDateTime(order.placed_at) },
              { header: "Through", cell: (order) => (order.through === "click" ? "Click" : "Promotion code") },
              { header: "Revenue", cell: (order) => formatMinorMoney(order.revenue, order.currency_code), numeric: true },
              { header: "Refunded", cell: (order) => formatMinorMoney(order.refunded, order.currency_code), numeric: true },
              {
                header: "Kept",
                cell: (order) => (order.canceled_at ? "Cancelled" : formatMinorMoney(order.net_revenue, order.currency_code)),
                numeric: true,
              },
            ]}
            footer={
              report.orders.count > report.orders.items.length && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  The newest {formatNumber(report.orders.items.length)} of {formatNumber(report.orders.count)} orders; the CSV has them all.
                </Text>
              )
            }
          />
        </>
      )}
    </Container>
  )
}
