import { AttributionModel, RollupDimension } from "../../../types/analytics"
import { CreditingModel, Kpis, kpisOf, ReportRow } from "./report"

/**
 * The dashboard's "top" tables: campaigns, journeys and promotions with their figures in a range and
 * in the period before it, sortable by any column. Each table reads one rollup dimension summed per
 * dimension id over the range; a journey's figures are its steps' rows added up.
 */

/** A row's figures, by column; null where a rate has no denominator. */
export type TopFigures = Record<string, number | null>

export interface TopTable {
  dimension: RollupDimension
  /** The record a dimension id's rows belong to: a journey step's rows to its journey. */
  recordOf: (dimensionId: string) => string
  columns: readonly string[]
  figuresOf: (rows: ReportRow[], model: CreditingModel) => TopFigures
}

/** Message figures, and orders and revenue under the chosen model: what a campaign's or journey's messages did. */
const MESSAGE_COLUMNS = ["sent", "delivered", "opened", "clicked", "unsubscribed", "open_rate", "click_rate", "orders", "revenue", "net_revenue"] as const

function messageFigures(kpis: Kpis, model: CreditingModel): TopFigures {
  const attributed = kpis.attributed[model]
  return {
    sent: kpis.sent,
    delivered: kpis.delivered,
    opened: kpis.opened,
    clicked: kpis.clicked,
    unsubscribed: kpis.unsubscribed,
    open_rate: kpis.rates.open_rate,
    click_rate: kpis.rates.click_rate,
    orders: attributed.orders,
    revenue: attributed.revenue,
    net_revenue: attributed.net_revenue,
  }
}

const messageTable = (dimension: RollupDimension, recordOf: (dimensionId: string) => string): TopTable => ({
  dimension,
  recordOf,
  columns: MESSAGE_COLUMNS,
  figuresOf: (rows, model) => messageFigures(kpisOf({ rows, ledger: rows }), model),
})

/**
 * A promotion's rows are all credited by no model: every order that used it (whoever brought it) and
 * what was refunded of them, codes redeemed and the discount from the ledger.
 */
const PROMOTION_COLUMNS = ["orders", "revenue", "refunded", "net_revenue", "codes_redeemed", "discount_amount"] as const

function promotionFigures(rows: ReportRow[]): TopFigures {
  const own = rows.filter((row) => row.attribution_model === AttributionModel.NONE)
  const sum = (metric: "orders" | "revenue" | "refunded" | "codes_redeemed" | "discount_amount") =>
    own.reduce((total, row) => total + row[metric], 0)
  return {
    orders: sum("orders"),
    revenue: sum("revenue"),
    refunded: sum("refunded"),
    net_revenue: sum("revenue") - sum("refunded"),
    codes_redeemed: sum("codes_redeemed"),
    discount_amount: sum("discount_amount"),
  }
}

const itself = (dimensionId: string) => dimensionId

export const TOP_TABLES = {
  campaigns: messageTable(RollupDimension.CAMPAIGN, itself),
  // A journey step's id is `<journey id>:<step id>`.
  journeys: messageTable(RollupDimension.JOURNEY_STEP, (dimensionId) => dimensionId.split(":", 1)[0]),
  promotions: { dimension: RollupDimension.PROMOTION, recordOf: itself, columns: PROMOTION_COLUMNS, figuresOf: promotionFigures },
} satisfies Record<string, TopTable>

export type TopTableName = keyof typeof TOP_TABLES
export const TOP_TABLE_NAMES = Object.keys(TOP_TABLES) as TopTableName[]

export interface TopRow {
  id: string
  current: TopFigures
  previous: TopFigures
}

function figuresPerRecord(table: TopTable, rows: ReportRow[], model: CreditingModel): Map<string, TopFigures> {
  const perRecord = new Map<string, ReportRow[]>()
  for (const row of rows) {
    const id = table.recordOf(row.dimension_id)
    const own = perRecord.get(id)
    if (own) own.push(row)
    else perRecord.set(id, [row])
  }
  return new Map([...perRecord].map(([id, own]) => [id, table.figuresOf(own, model)]))
}

/**
 * The records with rows in the range (`current`, summed per dimension id), each with its figures and
 * those of the period before (`previous`; zeros when it had none there), sorted by `order` (a column,
 * `-` in front for descending). A null figure sorts last either way; ties go by id.
 */
export function topRows(
  table: TopTable,
  rows: { current: ReportRow[]; previous: ReportRow[] },
  model: CreditingModel,
  order: string
): TopRow[] {
  const current = figuresPerRecord(table, rows.current, model)
  const previous = figuresPerRecord(table, rows.previous, model)
  const none = table.figuresOf([], model)
  const column = order.replace(/^-/, "")
  const direction = order.startsWith("-") ? -1 : 1
  const compare = (a: TopRow, b: TopRow) => {
    const [x, y] = [a.current[column], b.current[column]]
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return direction * (x - y)
  }
  return [...current]
    .map(([id, figures]) => ({ id, current: figures, previous: previous.get(id) ?? none }))
    .sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
