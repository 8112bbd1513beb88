// The host used by `npm run demo` and the HTTP and browser tests: it loads the plugin's own `src/` as
// the application (routes, workflows, links, admin) and registers its modules directly. Not shipped.
import { randomBytes } from "node:crypto"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// No secret has a default anyone could read: `npm run demo` passes the ones it keeps in .demo/;
// without them (tests) each run gets random ones, set in the environment so that the processes it
// starts share them. Sessions then end with the run.
for (const name of ["JWT_SECRET", "COOKIE_SECRET"]) process.env[name] ||= randomBytes(32).toString("hex")

// defineConfig reads feature flags before Medusa has loaded them from the environment, so the
// RBAC module is switched on here explicitly when MEDUSA_FF_RBAC=true.
const rbacEnabled = process.env.MEDUSA_FF_RBAC === "true"

const marketingOptions = {
  default_timezone: process.env.MARKETING_DEFAULT_TIMEZONE || "UTC",
  default_currency_code: process.env.MARKETING_DEFAULT_CURRENCY || "eur",
  // Unset, the plugin signs with its development secrets, which it accepts only in development and test.
  token_secret: process.env.MARKETING_TOKEN_SECRET || undefined,
  webhook_secret: process.env.MARKETING_WEBHOOK_SECRET || undefined,
  audit_retention_days: process.env.MARKETING_AUDIT_RETENTION_DAYS
    ? Number(process.env.MARKETING_AUDIT_RETENTION_DAYS)
    : null,
  // `npm test` lets raw rows settle for 1 s instead of 10, so that its analytics tests wait less.
  analytics: { settle_seconds: Number(process.env.MARKETING_ANALYTICS_SETTLE_SECONDS) || undefined },
  // Delivery providers, quiet hours, caps: the demo and the tests point them at local sinks.
  ...(process.env.MARKETING_OPTIONS_JSON ? JSON.parse(process.env.MARKETING_OPTIONS_JSON) : {}),
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  featureFlags: { rbac: rbacEnabled },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  modules: [
    { resolve: "./src/modules/campaign", options: marketingOptions },
    { resolve: "./src/modules/audit", options: marketingOptions },
    { resolve: "./src/modules/audience", options: marketingOptions },
    { resolve: "./src/modules/messaging", options: marketingOptions },
    { resolve: "./src/modules/promotion", options: marketingOptions },
    { resolve: "./src/modules/automation", options: marketingOptions },
    { resolve: "./src/modules/analytics", options: marketingOptions },
    { resolve: "./src/modules/webhook", options: marketingOptions },
    { resolve: "@medusajs/medusa/rbac", disable: !rbacEnabled },
    // The double opt-in confirmation goes out through Medusa's notification module; locally it is logged.
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }],
      },
    },
  ],
})
