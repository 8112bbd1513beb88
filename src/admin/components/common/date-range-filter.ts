import { formatDate } from "../../lib/format"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A DataTable date filter with the presets of Medusa's own lists (today, the last 7, 30 and 90 days,
 * the last 12 months) and a custom range. The presets count from the start of today, so call it when
 * the table mounts, not once per session.
 */
export function dateRangeFilterProps(label: string) {
  const today = new Date()
  today.setHours(0, 0, 0, 0)
  const since = (days: number) => ({ $gte: new Date(today.getTime() - days * DAY_MS).toISOString() })
  const lastYear = new Date(today)
  lastYear.setFullYear(today.getFullYear() - 1)

  return {
    type: "date" as const,
    label,
    format: "date" as const,
    formatDateValue: (date: Date) => formatDate(date.toISOString()),
    rangeOptionLabel: "Custom",
    rangeOptionStartLabel: "Starting",
    rangeOptionEndLabel: "Ending",
    options: [
      { label: "Today", value: since(0) },
      { label: "Last 7 days", value: since(7) },
      { label: "Last 30 days", value: since(30) },
      { label: "Last 90 days", value: since(90) },
      { label: "Last 12 months", value: { $gte: lastYear.toISOString() } },
    ],
  }
}
