import Medusa from "@medusajs/js-sdk"

/** Talks to the Medusa backend with the admin's session cookie, like the dashboard itself. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: false,
  auth: { type: "session" },
})
