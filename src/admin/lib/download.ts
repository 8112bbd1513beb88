/**
 * Saves a response as a file, under the name the server gave it (Content-Disposition) or `fallbackName`.
 * The export routes need the admin's session, so the browser cannot just follow a link to them: the
 * file is fetched, then handed to the browser's download through a temporary object URL.
 */
export async function saveResponseAsFile(response: Response, fallbackName: string) {
  const disposition = response.headers.get("content-disposition") ?? ""
  const name = disposition.match(/filename="?([^";]+)"?/)?.[1] ?? fallbackName
  saveBlobAsFile(await response.blob(), name)
}

/** Hands `blob` to the browser's download as `name`, e.g. a CSV made in the page. */
export function saveBlobAsFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = Object.assign(document.createElement("a"), { href: url, download: name })
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked on the next turn: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url))
}
