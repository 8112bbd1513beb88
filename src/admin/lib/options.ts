/** A `{ value: label }` table as the options of a filter or select. */
export const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

/** `{ value: { label } }` as the `{ value: label }` table that filters and selects take. */
export const labelsOf = <T extends string>(table: Record<T, { label: string }>) =>
  Object.fromEntries(Object.entries<{ label: string }>(table).map(([value, { label }]) => [value, label])) as Record<T, string>
