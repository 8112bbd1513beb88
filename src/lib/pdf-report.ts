import PDFDocument from "pdfkit"

/**
 * A report as a PDF page set: title, KPI tiles, a bar chart drawn with vectors, and tables. Generated
 * on the server with pdfkit's standard fonts (no browser, no font files): text is WinAnsi, so the
 * figures should be written with currency codes rather than symbols outside it.
 */
export interface PdfReport {
  title: string
  subtitle: string
  tiles: { label: string; value: string; detail?: string }[]
  chart: { title: string; points: { label: string; value: number }[]; describe: (value: number) => string } | null
  tables: { title: string; columns: string[]; rows: string[][] }[]
}

const MARGIN = 48
const INK = "#111827"
const SUBTLE = "#6b7280"
const RULE = "#e5e7eb"
const BAR = "#3b82f6"
const TILE_COLUMNS = 3
const ROW_HEIGHT = 18

/**
 * Writes `report` to a new PDF document and returns it, ended: pipe it to the response. `compress` is
 * off by default only where a reader must find the text (tests); production output is compressed.
 */
export function pdfReportDocument(report: PdfReport, options: { compress?: boolean } = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, compress: options.compress ?? true, info: { Title: report.title } })
  const width = doc.page.width - 2 * MARGIN

  doc.font("Helvetica-Bold").fontSize(20).fillColor(INK).text(report.title)
  doc.font("Helvetica").fontSize(10).fillColor(SUBTLE).text(report.subtitle)
  doc.moveDown(1)

  drawTiles(doc, report.tiles, width)
  if (report.chart) drawChart(doc, report.chart, width)
  for (const table of report.tables) drawTable(doc, table, width)
  doc.end()
  return doc
}

function drawTiles(doc: PDFKit.PDFDocument, tiles: PdfReport["tiles"], width: number) {
  const gap = 8
  const tileWidth = (width - gap * (TILE_COLUMNS - 1)) / TILE_COLUMNS
  const tileHeight = 52
  const top = doc.y
  tiles.forEach((tile, index) => {
    const x = MARGIN + (index % TILE_COLUMNS) * (tileWidth + gap)
    const y = top + Math.floor(index / TILE_COLUMNS) * (tileHeight + gap)
    doc.roundedRect(x, y, tileWidth, tileHeight, 4).lineWidth(0.75).strokeColor(RULE).stroke()
    doc.font("Helvetica").fontSize(8).fillColor(SUBTLE).text(tile.label, x + 8, y + 7, { width: tileWidth - 16, lineBreak: false, ellipsis: true })
    doc.font("Helvetica-Bold").fontSize(14).fillColor(INK).text(tile.value, x + 8, y + 19, { width: tileWidth - 16, lineBreak: false, ellipsis: true })
    if (tile.detail) {
      doc.font("Helvetica").fontSize(7).fillColor(SUBTLE).text(tile.detail, x + 8, y + 38, { width: tileWidth - 16, lineBreak: false, ellipsis: true })
    }
  })
  const rows = Math.ceil(tiles.length / TILE_COLUMNS)
  doc.x = MARGIN
  doc.y = top + rows * (tileHeight + gap) + 8
}

function heading(doc: PDFKit.PDFDocument, text: string, room: number) {
  if (doc.y + room > doc.page.height - MARGIN) doc.addPage()
  doc.font("Helvetica-Bold").fontSize(12).fillColor(INK).text(text, MARGIN, doc.y)
  doc.moveDown(0.4)
}

/** Bars of the points' values over the full width, the highest value's label on the axis, first and last bucket below. */
function drawChart(doc: PDFKit.PDFDocument, chart: NonNullable<PdfReport["chart"]>, width: number) {
  const height = 140
  heading(doc, chart.title, height + 40)
  const top = doc.y
  const axis = 56
  const plotWidth = width - axis
  const max = Math.max(0, ...chart.points.map((point) => point.value))
  doc.font("Helvetica").fontSize(7).fillColor(SUBTLE)
  doc.text(chart.describe(max), MARGIN, top - 3, { width: axis - 6, align: "right", lineBreak: false })
  doc.text(chart.describe(0), MARGIN, top + height - 6, { width: axis - 6, align: "right", lineBreak: false })
  doc.moveTo(MARGIN + axis, top).lineTo(MARGIN + width, top).lineWidth(0.5).strokeColor(RULE).stroke()
  doc.moveTo(MARGIN + axis, top + height).lineTo(MARGIN + width, top + height).strokeColor(SUBTLE).stroke()
  const slot = plotWidth / Math.max(chart.points.length, 1)
  chart.points.forEach((point, index) => {
    const barHeight = max > 0 ? (Math.max(point.value, 0) / max) * height : 0
    if (barHeight > 0) {
      doc.rect(MARGIN + axis + index * slot + slot * 0.15, top + height - barHeight, Math.max(slot * 0.7, 0.5), barHeight).fillColor(BAR).fill()
    }
  })
  const first = chart.points[0]
  const last = chart.points.at(-1)
  doc.fillColor(SUBTLE)
  if (first) doc.text(first.label, MARGIN + axis, top + height + 4, { width: plotWidth / 2, lineBreak: false })
  if (last && last !== first) doc.text(last.label, MARGIN + axis + plotWidth / 2, top + height + 4, { width: plotWidth / 2, align: "right", lineBreak: false })
  doc.x = MARGIN
  doc.y = top + height + 24
}

/** The first column takes what the others leave; a page break repeats the header. */
function drawTable(doc: PDFKit.PDFDocument, table: PdfReport["tables"][number], width: number) {
  heading(doc, table.title, 3 * ROW_HEIGHT)
  const numberWidth = Math.min(78, width / table.columns.length)
  const firstWidth = width - numberWidth * (table.columns.length - 1)
  const widths = table.columns.map((_, index) => (index === 0 ? firstWidth : numberWidth))
  const row = (cells: string[], bold: boolean) => {
    if (doc.y + ROW_HEIGHT > doc.page.height - MARGIN) {
      doc.addPage()
      if (!bold) row(table.columns, true)
    }
    const y = doc.y
    let x = MARGIN
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8).fillColor(bold ? SUBTLE : INK)
    cells.forEach((cell, index) => {
      doc.text(cell, x + 2, y + 5, { width: widths[index] - 4, align: index === 0 ? "left" : "right", lineBreak: false, ellipsis: true })
      x += widths[index]
    })
    doc.moveTo(MARGIN, y + ROW_HEIGHT).lineTo(MARGIN + width, y + ROW_HEIGHT).lineWidth(0.5).strokeColor(RULE).stroke()
    doc.x = MARGIN
    doc.y = y + ROW_HEIGHT
  }
  row(table.columns, true)
  if (!table.rows.length) row(["Nothing in this range", ...table.columns.slice(1).map(() => "")], false)
  for (const cells of table.rows) row(cells, false)
  doc.moveDown(1)
}
