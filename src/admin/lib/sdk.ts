import Medusa from "@medusajs/js-sdk"

const BACKEND_URL = import.meta.env.VITE_BACKEND_URL || "/"

/** Talks to the Medusa backend with the admin's session cookie, like the dashboard itself. */
export const sdk = new Medusa({
  baseUrl: BACKEND_URL,
  debug: false,
  auth: { type: "session" },
})

/**
 * A plain request with the same session cookie, for the answers the sdk would cut short: of an error's
 * body it keeps only the message, and the segment editor needs where in the text the problem is.
 */
export const fetchBackend = (path: string, init: RequestInit) =>
  fetch(new URL(path, new URL(BACKEND_URL, window.location.origin)), { credentials: "include", ...init })
