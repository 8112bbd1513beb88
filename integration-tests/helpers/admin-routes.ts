import fs from "node:fs"
import path from "node:path"
import middlewares from "../../src/api/middlewares"

const API_ROOT = path.join(__dirname, "../../src/api")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const

export type AdminRoute = {
  method: (typeof METHODS)[number]
  /** The Express-style path, e.g. /admin/marketing/campaigns/:id */
  matcher: string
  policies: { resource: string; operation: string }[]
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : routeFiles(full)
    return entry.name === "route.ts" ? [full] : []
  })
}

/** Every route the plugin serves under `/{folder}`, read from the route files themselves. */
export function apiRoutes(folder: "admin" | "store" | "marketing"): Omit<AdminRoute, "policies">[] {
  return routeFiles(path.join(API_ROOT, folder)).flatMap((file) => {
    const matcher =
      "/" + path.relative(API_ROOT, path.dirname(file)).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, ":$1")).join("/")
    const handlers = require(file)
    return METHODS.filter((method) => typeof handlers[method] === "function").map((method) => ({ method, matcher }))
  })
}

/**
 * Every plugin admin route with the policies its middlewares declare: a route added without a
 * policy shows up here with none.
 */
export function adminRoutes(): AdminRoute[] {
  return apiRoutes("admin").map(({ method, matcher }) => ({
    method,
    matcher,
    policies: (middlewares.routes ?? [])
      .filter((route) => route.matcher === matcher && [route.methods ?? []].flat().includes(method))
      .flatMap((route) => [route.policies ?? []].flat())
      .flatMap((policy) =>
        [policy.operation].flat().map((operation) => ({ resource: policy.resource, operation }))
      ),
  }))
}

/** A concrete URL for a matcher: path parameters become ids that do not exist. */
export const concreteUrl = (matcher: string) => matcher.replace(/:(\w+)/g, (_, name) => `${name}_rbac_probe`)
