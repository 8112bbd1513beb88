import { useQueries } from "@tanstack/react-query"
import { AUDIT_RESOURCE_TYPES } from "../../lib/audit-display"
import { sdk } from "../../lib/sdk"
import type { AdminAuditEntry } from "../../types/audit"

/** What the admin knows about an entry's resource: its name, or that it is gone. */
export interface AuditResource {
  name: string | null
  exists: boolean
}

/**
 * Looks up the name of each resource the entries are about, once per resource (a page of entries
 * is mostly about a few), and remembers it for the session: names rarely change and the log is read
 * afterwards. Returns a lookup that is undefined while a name loads.
 */
export function useAuditResources(entries: AdminAuditEntry[]) {
  const resources = [...new Map(entries.map((entry) => [entry.resource_id, entry])).values()].filter(
    (entry) => AUDIT_RESOURCE_TYPES[entry.resource_type]?.lookup
  )
  const results = useQueries({
    queries: resources.map(({ resource_type, resource_id }) => {
      const lookup = AUDIT_RESOURCE_TYPES[resource_type].lookup!
      return {
        queryKey: ["marketing_audit_resource", resource_type, resource_id],
        queryFn: async (): Promise<AuditResource> => {
          try {
            return { name: lookup.name(await sdk.client.fetch(lookup.path(resource_id))), exists: true }
          } catch (error) {
            if ((error as { status?: number }).status === 404) return { name: null, exists: false }
            throw error
          }
        },
        staleTime: Infinity,
        retry: false,
      }
    }),
  })
  const byId = new Map(resources.map((entry, index) => [entry.resource_id, results[index].data]))
  return (entry: AdminAuditEntry) => byId.get(entry.resource_id)
}
