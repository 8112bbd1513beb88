/**
 * The data of a clicked row. DataTable's `onRowClick` is typed to receive it, but @medusajs/ui 4.2.6
 * passes TanStack's row object, which holds it in `original` (its `id` is the row id, which is why
 * reading only `.id` seems to work). Reads either, so it keeps working once the library is fixed.
 */
export const rowData = <T,>(row: T): T => (row as { original?: T }).original ?? row
