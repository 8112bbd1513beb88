import { MedusaContainer } from "@medusajs/framework/types"
import { previousDays } from "../../../../modules/analytics/lib/report"
import { TOP_TABLES, TopRow, topRows, TopTableName } from "../../../../modules/analytics/lib/top-table"
import { readRowsPerId, reportSettings } from "./helpers"
import { namesOf } from "./names"
import { AdminExportAnalyticsTopParamsType } from "./validators"

const ENTITIES = { campaigns: "marketing_campaign", journeys: "journey", promotions: "marketing_promotion" } as const satisfies Record<TopTableName, string>

/** A top table of a range of store days: every record with rows in it, sorted, with the period before's figures. */
export async function readTopTable(scope: MedusaContainer, query: AdminExportAnalyticsTopParamsType) {
  const { timezone, currency_code } = reportSettings(scope, query)
  const table = TOP_TABLES[query.table]
  const period = { first: query.from, last: query.to }
  const previous = previousDays(query.from, query.to)
  const [currentRows, previousRows] = await Promise.all(
    [period, previous].map((days) => readRowsPerId(scope, table.dimension, days, currency_code))
  )
  return {
    table: query.table,
    timezone,
    currency_code,
    attribution_model: query.attribution_model,
    period: { from: period.first, to: period.last },
    previous_period: { from: previous.first, to: previous.last },
    columns: table.columns,
    rows: topRows(table, { current: currentRows, previous: previousRows }, query.attribution_model, query.order),
  }
}

/** The rows with their records' names (null for a record that no longer exists at all). */
export async function withNames(scope: MedusaContainer, table: TopTableName, rows: TopRow[]) {
  const names = await namesOf(scope, ENTITIES[table], rows.map((row) => row.id))
  return rows.map((row) => ({ id: row.id, name: names.get(row.id)?.name ?? null, current: row.current, previous: row.previous }))
}
