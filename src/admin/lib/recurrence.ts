import cronstrue from "cronstrue"

/**
 * The schedules the campaign form builds without cron: every day, every week on some weekdays, or every
 * month on one day, at one time of day. Any other cron expression is "custom" and kept as typed.
 */
export type Recurrence =
  | { frequency: "daily"; time: string }
  | { frequency: "weekly"; weekdays: number[]; time: string }
  | { frequency: "monthly"; dayOfMonth: number; time: string }

export type Frequency = Recurrence["frequency"]

/** Cron's day-of-week numbers, 0 = Sunday, in the order a week reads (Monday first). */
export const WEEKDAYS = [
  { value: 1, name: "Monday" },
  { value: 2, name: "Tuesday" },
  { value: 3, name: "Wednesday" },
  { value: 4, name: "Thursday" },
  { value: 5, name: "Friday" },
  { value: 6, name: "Saturday" },
  { value: 0, name: "Sunday" },
] as const

/** What a new recurring campaign starts from: a weekly send is the usual newsletter. */
export const DEFAULT_RECURRENCE: Recurrence = { frequency: "weekly", weekdays: [1], time: "09:00" }

const pad = (value: number) => String(value).padStart(2, "0")

function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(":").map(Number)
  return { hour, minute }
}

/** The same recurrence on another frequency, keeping the time (and the first weekday or day of month). */
export function withFrequency(recurrence: Recurrence, frequency: Frequency): Recurrence {
  const { time } = recurrence
  switch (frequency) {
    case "daily":
      return { frequency, time }
    case "weekly":
      return { frequency, time, weekdays: recurrence.frequency === "weekly" ? recurrence.weekdays : [1] }
    case "monthly":
      return { frequency, time, dayOfMonth: recurrence.frequency === "monthly" ? recurrence.dayOfMonth : 1 }
  }
}

export function recurrenceToCron(recurrence: Recurrence): string {
  const { hour, minute } = parseTime(recurrence.time)
  const at = `${minute} ${hour}`
  switch (recurrence.frequency) {
    case "daily":
      return `${at} * * *`
    case "weekly":
      return `${at} * * ${sortWeekdays(recurrence.weekdays).join(",")}`
    case "monthly":
      return `${at} ${recurrence.dayOfMonth} * *`
  }
}

const NUMBER = /^\d{1,2}$/

/** The recurrence a cron expression stands for, or null when the builder cannot show it (a custom cron). */
export function cronToRecurrence(cron: string): Recurrence | null {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 5 || !NUMBER.test(fields[0]) || !NUMBER.test(fields[1])) return null
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields
  if (Number(minute) > 59 || Number(hour) > 23 || month !== "*") return null
  const time = `${pad(Number(hour))}:${pad(Number(minute))}`
  if (dayOfMonth === "*" && dayOfWeek === "*") {
    return { frequency: "daily", time }
  }
  if (dayOfMonth === "*" && /^\d(,\d)*$/.test(dayOfWeek)) {
    const weekdays = dayOfWeek.split(",").map(Number)
    const distinct = new Set(weekdays.map((day) => day % 7))
    if (weekdays.some((day) => day > 7) || distinct.size !== weekdays.length) return null
    return { frequency: "weekly", weekdays: sortWeekdays([...distinct]), time }
  }
  if (dayOfWeek === "*" && NUMBER.test(dayOfMonth) && Number(dayOfMonth) >= 1 && Number(dayOfMonth) <= 31) {
    return { frequency: "monthly", dayOfMonth: Number(dayOfMonth), time }
  }
  return null
}

/** Monday first, Sunday last, as WEEKDAYS lists them. */
function sortWeekdays(weekdays: number[]): number[] {
  const order = (day: number) => (day + 6) % 7
  return [...weekdays].sort((a, b) => order(a) - order(b))
}

function listInWords(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`
}

function ordinal(day: number): string {
  const tens = day % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th"
  return `${day}${suffix}`
}

function describeRecurrence(recurrence: Recurrence): string {
  const at = `at ${recurrence.time}`
  switch (recurrence.frequency) {
    case "daily":
      return `Every day ${at}`
    case "weekly": {
      const names = recurrence.weekdays.map((day) => WEEKDAYS.find((weekday) => weekday.value === day % 7)!.name)
      return `Every ${listInWords(names)} ${at}`
    }
    case "monthly":
      return `Every month on the ${ordinal(recurrence.dayOfMonth)} ${at}`
  }
}

/** "Europe/Berlin" → "Berlin", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function timezoneCity(timezone: string): string {
  return timezone.split("/").pop()!.replace(/_/g, " ")
}

/**
 * A schedule in words, as lists and the campaign page show it: "Every Monday at 09:00 (Berlin)". The
 * builder's shapes read in its own words; any other cron expression in cronstrue's, and one cronstrue
 * cannot read stays as it is written.
 */
export function describeSchedule(cron: string, timezone?: string | null): string {
  const recurrence = cronToRecurrence(cron)
  let words: string
  if (recurrence) {
    words = describeRecurrence(recurrence)
  } else {
    try {
      words = cronstrue.toString(cron.trim(), { use24HourTimeFormat: true, verbose: false })
    } catch {
      words = cron.trim()
    }
  }
  return timezone ? `${words} (${timezoneCity(timezone)})` : words
}
