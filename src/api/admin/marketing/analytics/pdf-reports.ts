import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { countFigure, moneyFigure, rateFigure } from "../../../../modules/analytics/lib/figures"
import { CREDITING_MODEL_NAMES as MODEL_NAMES, MAILBOX_PROVIDER_NAMES } from "../../../../modules/analytics/lib/names"
import { CREDITING_MODELS, kpisOf, kpisPerDimension, seriesOf } from "../../../../modules/analytics/lib/report"
import { PdfReport } from "../../../../lib/pdf-report"
import { CampaignReport } from "./campaigns/[id]/report"
import { readRowsPerId, readReportRows, reportSettings, ReportScope } from "./helpers"
import { PromotionReport } from "./promotion-report"
import { RollupDimension } from "../../../../types/analytics"

const TOP_CAMPAIGNS = 20

/** The dashboard as a PDF: KPI tiles, revenue per day (last click), the models side by side, the top campaigns. */
export async function dashboardPdfReport(scope: MedusaContainer, query: ReportScope): Promise<PdfReport> {
  const { timezone, currency_code } = reportSettings(scope, query)
  const days = { first: query.from, last: query.to }
  const filtered = query.campaign_id ?? query.channel ?? query.promotion_id
  const [rows, campaignRows] = await Promise.all([
    readReportRows(scope, query, days, currency_code, "day"),
    filtered ? Promise.resolve([]) : readRowsPerId(scope, RollupDimension.CAMPAIGN, days, currency_code),
  ])
  const kpis = kpisOf(rows)
  const money = (minor: number | null) => moneyFigure(minor, currency_code)
  const topCampaigns = [...kpisPerDimension(campaignRows)]
    .sort(([a, x], [b, y]) => y.attributed.last_click.revenue - x.attributed.last_click.revenue || y.sent - x.sent || a.localeCompare(b))
    .slice(0, TOP_CAMPAIGNS)
  const { data: campaigns } = topCampaigns.length
    ? await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "marketing_campaign",
        fields: ["id", "name"],
        filters: { id: topCampaigns.map(([id]) => id) },
        withDeleted: true,
      })
    : { data: [] }
  const nameOf = new Map(campaigns.map((campaign: { id: string; name: string }) => [campaign.id, campaign.name]))
  return {
    title: "Marketing dashboard",
    subtitle: `${query.from} – ${query.to} (store days in ${timezone})${filtered ? `, filtered by ${filtered}` : ""}; money in ${currency_code.toUpperCase()}`,
    tiles: [
      { label: "Revenue attributed (last click)", value: money(kpis.attributed.last_click.revenue) },
      { label: "Orders (last click)", value: countFigure(kpis.attributed.last_click.orders) },
      { label: "Revenue per recipient", value: money(kpis.attributed.last_click.revenue_per_recipient === null ? null : Math.round(kpis.attributed.last_click.revenue_per_recipient)) },
      { label: "Sent", value: countFigure(kpis.sent), detail: `${countFigure(kpis.delivered)} delivered` },
      { label: "Open rate", value: rateFigure(kpis.rates.open_rate), detail: `${countFigure(kpis.opened)} opened` },
      { label: "Click rate", value: rateFigure(kpis.rates.click_rate), detail: `${countFigure(kpis.clicked)} clicked` },
      { label: "Unsubscribed", value: countFigure(kpis.unsubscribed), detail: rateFigure(kpis.rates.unsubscribe_rate) },
      { label: "Discount cost", value: money(kpis.discount_amount) },
      { label: "Codes redeemed", value: countFigure(kpis.codes_redeemed) },
    ],
    chart: {
      title: "Attributed revenue per day (last click)",
      points: seriesOf(rows, "revenue", "last_click", "day", query.from, query.to).map((p) => ({ label: p.bucket, value: p.value ?? 0 })),
      describe: money,
    },
    tables: [
      {
        title: "Orders and revenue by attribution model (side by side, never summed)",
        columns: ["Model", "Orders", "Revenue"],
        rows: CREDITING_MODELS.map((model) => [MODEL_NAMES[model], countFigure(kpis.attributed[model].orders), money(kpis.attributed[model].revenue)]),
      },
      ...(filtered
        ? []
        : [
            {
              title: `Top campaigns by revenue (last click)`,
              columns: ["Campaign", "Sent", "Opened", "Clicked", "Orders", "Revenue"],
              rows: topCampaigns.map(([id, c]) => [
                nameOf.get(id) ?? id, countFigure(c.sent), countFigure(c.opened), countFigure(c.clicked),
                countFigure(c.attributed.last_click.orders), money(c.attributed.last_click.revenue),
              ]),
            },
          ]),
    ],
  }
}

/** A promotion's report as a PDF: its tiles, redemptions per bucket, and its tables. */
export function promotionPdfReport(report: PromotionReport): PdfReport {
  const money = (minor: number | null) => moneyFigure(minor, report.currency_code)
  const { totals, budget, codes } = report
  return {
    title: `Promotion: ${report.promotion.name}`,
    subtitle: `${report.period.from} – ${report.period.to} (store days in ${report.timezone}); money in ${report.currency_code.toUpperCase()}`,
    tiles: [
      { label: "Orders with the promotion", value: countFigure(totals.orders) },
      { label: "Revenue of those orders", value: money(totals.revenue), detail: `${money(totals.average_order_value === null ? null : Math.round(totals.average_order_value))} per order` },
      { label: "Discount cost", value: money(totals.discount_amount), detail: `${rateFigure(totals.discount_rate)} of revenue` },
      {
        label: "Budget spent (all time)",
        value: budget ? money(budget.spent) : "No budget",
        detail: budget ? `of ${money(budget.budget)} (${rateFigure(budget.used)})` : undefined,
      },
      { label: "Codes redeemed", value: countFigure(codes.redeemed) },
      { label: "Codes issued", value: countFigure(codes.assigned), detail: `${countFigure(codes.generated)} generated` },
    ],
    chart: {
      title: `Orders with the promotion per ${report.granularity}`,
      points: report.series.map((p) => ({ label: p.bucket, value: p.orders })),
      describe: countFigure,
    },
    tables: [
      {
        title: "Brought by (the campaign or journey of the tracked click, last click)",
        columns: ["Campaign or journey", "Orders", "Revenue", "Discount"],
        rows: report.drivers.map((d) => [
          d.campaign ? `Campaign ${d.campaign.name}` : d.journey ? `Journey ${d.journey.name}` : "No tracked click",
          countFigure(d.orders), money(d.revenue), money(d.discount_amount),
        ]),
      },
      {
        title: `Per ${report.granularity}`,
        columns: [report.granularity[0].toUpperCase() + report.granularity.slice(1), "Orders", "Revenue", "Codes", "Discount"],
        rows: report.series
          .filter((p) => p.orders || p.revenue || p.codes_redeemed || p.discount_amount)
          .map((p) => [p.bucket, countFigure(p.orders), money(p.revenue), countFigure(p.codes_redeemed), money(p.discount_amount)]),
      },
    ],
  }
}

/** A campaign's report as a PDF: its funnel and money as tiles, first opens per hour after sending, and its tables. */
export function campaignPdfReport(report: CampaignReport): PdfReport {
  const money = (minor: number | null) => moneyFigure(minor, report.currency_code)
  const { funnel, roi } = report
  const model = MODEL_NAMES[report.attribution_model]
  const sentOn = [report.first_sent_at, report.last_sent_at].map((at) => (at ? new Date(at).toISOString().slice(0, 10) : null))
  return {
    title: `Campaign: ${report.campaign.name}`,
    subtitle: `${sentOn[0] ? `Sent ${sentOn[0] === sentOn[1] ? sentOn[0] : `${sentOn[0]} – ${sentOn[1]}`}` : "Not sent yet"}; orders credited by ${model.toLowerCase()}; money in ${report.currency_code.toUpperCase()}`,
    tiles: [
      { label: "Sent", value: countFigure(funnel.sent), detail: `${countFigure(funnel.delivered)} delivered, ${countFigure(report.bounced)} bounced` },
      { label: "Opened", value: countFigure(funnel.opened), detail: `${countFigure(report.unsubscribed)} unsubscribed` },
      { label: "Clicked", value: countFigure(funnel.clicked) },
      { label: `Orders (${model.toLowerCase()})`, value: countFigure(funnel.ordered) },
      { label: "Net revenue", value: money(roi.net_revenue), detail: "After discounts and refunds" },
      { label: "ROI", value: rateFigure(roi.roi), detail: `Spend ${money(roi.spend)}${roi.budget === null ? "" : ` of ${money(roi.budget)} budget`}` },
    ],
    chart: {
      title: "First opens per hour after sending",
      points: report.hours.map((h) => ({ label: `Hour ${h.hour}`, value: h.opened })),
      describe: countFigure,
    },
    tables: [
      {
        title: "Orders and revenue by attribution model (side by side, never summed)",
        columns: ["Model", "Orders", "Revenue", "Refunded", "Net"],
        rows: CREDITING_MODELS.map((m) => {
          const figures = report.attributed[m]
          return [MODEL_NAMES[m], countFigure(figures.orders), money(figures.revenue), money(figures.refunded), money(figures.net_revenue)]
        }),
      },
      {
        title: "Clicks per link",
        columns: ["Link", "Clicks", "People"],
        rows: report.links.map((link) => [link.url ?? `Link ${link.position + 1}`, countFigure(link.clicks), countFigure(link.clicked)]),
      },
      ...(report.campaign.channel === "email"
        ? [{
            title: "Mailbox providers",
            columns: ["Provider", "Sent", "Delivered", "Bounced", "Opened"],
            rows: report.providers
              .filter((p) => p.sent > 0)
              .map((p) => [MAILBOX_PROVIDER_NAMES[p.provider], countFigure(p.sent), countFigure(p.delivered), countFigure(p.bounced), countFigure(p.opened)]),
          }]
        : []),
      {
        title: report.orders.count > report.orders.items.length ? `The newest ${report.orders.items.length} of ${report.orders.count} orders` : "Orders",
        columns: ["Order", "Placed", "Through", "Revenue", "Refunded", "Kept"],
        rows: report.orders.items.map((order) => [
          order.display_id === null ? order.order_id : `#${order.display_id}`,
          new Date(order.placed_at).toISOString().slice(0, 16).replace("T", " "),
          order.through === "click" ? "Click" : "Promotion code",
          moneyFigure(order.revenue, order.currency_code), moneyFigure(order.refunded, order.currency_code),
          // As the admin's table: a cancelled order keeps nothing, and says why.
          order.canceled_at ? "Cancelled" : moneyFigure(order.net_revenue, order.currency_code),
        ]),
      },
    ],
  }
}
