import type { HttpTypes } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

// An admin team is a handful of people, so pickers and filters list them all instead of searching.
const ADMIN_USERS_LIMIT = 200

/** The store's admin users: who may join a campaign's team, and whose names the audit log shows. */
export const useAdminUsers = () =>
  // Typed here: the js-sdk takes its types from @medusajs/types, which npm installed only inside
  // @medusajs/framework, so they do not resolve from the plugin.
  useQuery<HttpTypes.AdminUserListResponse>({
    // Namespaced: the dashboard caches its own, fuller user lists under "users".
    queryKey: ["marketing_admin_users"],
    queryFn: () =>
      sdk.admin.user.list({ limit: ADMIN_USERS_LIMIT, fields: "id,email,first_name,last_name" }),
  })
