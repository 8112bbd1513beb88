import type { HttpTypes } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

// An admin team is a handful of people, so the picker lists them all instead of searching.
const USER_PICKER_LIMIT = 200

/** The store's admin users, for choosing who joins a campaign's team. */
export const useAdminUsers = () =>
  // Typed here: the js-sdk takes its types from @medusajs/types, which npm installed only inside
  // @medusajs/framework, so they do not resolve from the plugin.
  useQuery<HttpTypes.AdminUserListResponse>({
    // Namespaced: the dashboard caches its own, fuller user lists under "users".
    queryKey: ["marketing_team_picker", "users"],
    queryFn: () =>
      sdk.admin.user.list({ limit: USER_PICKER_LIMIT, fields: "id,email,first_name,last_name" }),
  })
