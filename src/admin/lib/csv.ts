/** A field as CSV needs it: quoted when it holds a comma, a quote or a line break, its quotes doubled. */
const csvField = (value: string | number) => {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as CSV text, the first row being the header. */
export const toCsv = (rows: (string | number)[][]) => rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n"
