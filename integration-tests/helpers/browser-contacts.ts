import { AdminBrowser, REQUEST_RETRIES } from "./browser-host"

const IMPORT_TIMEOUT_MS = 30_000

/**
 * Contacts through the admin's CSV import (`lines`: a header, then one line per contact), waited for
 * until all of them are created or, for addresses already known, updated: the contacts helper needs the
 * host's container, which runs in another process in the browser suites.
 */
export async function importContacts({ host, page }: Pick<AdminBrowser, "host" | "page">, lines: string[]) {
  const expected = lines.length - 1
  const upload = await page.request.post(`${host.url}/admin/marketing/contact-imports?filename=contacts.csv`, {
    headers: { "content-type": "text/csv" },
    data: lines.join("\n"),
    ...REQUEST_RETRIES,
  })
  if (upload.status() !== 202) throw new Error(`The contact import answered ${upload.status()}: ${await upload.text()}`)
  const { contact_import } = await upload.json()
  const deadline = Date.now() + IMPORT_TIMEOUT_MS
  while (Date.now() < deadline) {
    const response = await page.request.get(`${host.url}/admin/marketing/contact-imports/${contact_import.id}`, REQUEST_RETRIES)
    const { contact_import: current } = await response.json()
    if (current.status === "completed" && current.created_count + current.updated_count === expected) return
    if (current.status === "failed") throw new Error(`The contact import failed: ${current.error}`)
    await page.waitForTimeout(250)
  }
  throw new Error(`The contact import did not complete within ${IMPORT_TIMEOUT_MS / 1000}s`)
}
