import { inflateSync } from "node:zlib"

/**
 * What a PDF says, read back from the file: its page count and the text of its content streams
 * (inflated when compressed). Text is read from the TJ/Tj operators as pdfkit writes them with its
 * standard fonts: hex strings in WinAnsi, split by kerning numbers inside one TJ array.
 */
export function readPdf(pdf: Buffer): { pages: number; lines: string[]; text: string } {
  const source = pdf.toString("latin1")
  const pages = (source.match(/\/Type \/Page\b/g) ?? []).length
  const decoder = new TextDecoder("windows-1252")
  const lines: string[] = []
  for (const match of source.matchAll(/<<((?:(?!<<)[^])*?)>>\s*stream\r?\n/g)) {
    const start = match.index! + match[0].length
    const end = source.indexOf("endstream", start)
    const raw = pdf.subarray(start, end)
    const content = (match[1].includes("/FlateDecode") ? inflateSync(raw) : raw).toString("latin1")
    for (const [, array] of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
      const hex = [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, h]) => h).join("")
      lines.push(decoder.decode(Buffer.from(hex, "hex")).replace(/\u00a0/g, " "))
    }
  }
  return { pages, lines, text: lines.join("\n") }
}
