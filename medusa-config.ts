// The host used by `npm run demo` and the HTTP and browser tests: it loads the plugin's own `src/` as
// the application (routes, workflows, links, admin) and registers its modules directly. Not shipped.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const marketingOptions = {
  default_timezone: process.env.MARKETING_DEFAULT_TIMEZONE || "UTC",
  default_currency_code: process.env.MARKETING_DEFAULT_CURRENCY || "eur",
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "demo-cookie-secret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  modules: [
    { resolve: "./src/modules/campaign", options: marketingOptions },
  ],
})
