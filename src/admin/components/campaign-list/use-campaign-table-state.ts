import type {
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
} from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { CampaignChannel, CampaignStatus } from "../../../types/campaign/module"
import type { CampaignListQuery } from "../../hooks/campaigns"

const PAGE_SIZE = 20

const STATUSES = Object.values(CampaignStatus)
const CHANNELS = Object.values(CampaignChannel)

/**
 * A filter's values from the URL, comma-separated, keeping only those the API accepts (URLs can be typed
 * by hand). A filter that is present but empty (`?status=`) has just been added and is still waiting for
 * values: the table shows its value picker, so the state must keep it.
 */
function readFilter<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]) {
  const raw = params.get(key)
  if (raw === null) return undefined
  return raw.split(",").filter((value): value is T => (allowed as readonly string[]).includes(value))
}

const nonEmpty = <T,>(values: T[] | undefined) => (values?.length ? values : undefined)

/**
 * The campaign table's search, filters, sorting and page, kept in the URL like Medusa's own lists: coming
 * back from a campaign shows the list as it was left, and a filtered list can be shared as a link.
 * Returns the API query and the state and handlers that `useDataTable` takes.
 */
export function useCampaignTableState() {
  const [params, setParams] = useSearchParams()

  // One URL update per change (null removes a parameter). Every change but paging also goes back to the
  // first page, in the same update: two updates in one event would both start from the same, stale, URL.
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) previous.delete(key)
          else previous.set(key, value)
        }
        return previous
      },
      { replace: true }
    )

  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const order = params.get("order") ?? undefined
  const status = readFilter(params, "status", STATUSES)
  const channel = readFilter(params, "channel", CHANNELS)

  const query: CampaignListQuery = {
    limit: PAGE_SIZE,
    offset,
    order,
    q: q || undefined,
    status: nonEmpty(status),
    channel: nonEmpty(channel),
  }

  const filteringState: DataTableFilteringState = {
    ...(status && { status }),
    ...(channel && { channel }),
  }
  const filterParam = (values: unknown) => (Array.isArray(values) ? values.join(",") : null)

  return {
    query,
    search: {
      state: q,
      onSearchChange: (value: string) => update({ q: value || null, offset: null }),
    },
    pagination: {
      state: { pageIndex: Math.floor(offset / PAGE_SIZE), pageSize: PAGE_SIZE },
      onPaginationChange: ({ pageIndex }: DataTablePaginationState) =>
        update({ offset: pageIndex ? String(pageIndex * PAGE_SIZE) : null }),
    },
    sorting: {
      state: order ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") } : null,
      onSortingChange: ({ id, desc }: DataTableSortingState) =>
        update({ order: desc ? `-${id}` : id, offset: null }),
    },
    filtering: {
      state: filteringState,
      onFilteringChange: (next: DataTableFilteringState) =>
        update({ status: filterParam(next.status), channel: filterParam(next.channel), offset: null }),
    },
  }
}
