import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** Something to pick in a form: its id, and what a person knows it by. */
export interface PickerOption {
  id: string
  label: string
}

/** A list route to pick records from: they all take `q`, `id` and `limit`, and answer under `listKey`. */
export interface OptionSource {
  path: string
  listKey: string
  labelField: string
  /** The plural a screen reader hears for the list, e.g. "Products". */
  name: string
  /** Asks for the id and label only: native lists answer with much more by default. */
  narrowFields?: boolean
}

export const OPTION_SOURCES = {
  products: { path: "/admin/products", listKey: "products", labelField: "title", name: "Products", narrowFields: true },
  categories: {
    path: "/admin/product-categories",
    listKey: "product_categories",
    labelField: "name",
    name: "Categories",
    narrowFields: true,
  },
  collections: { path: "/admin/collections", listKey: "collections", labelField: "title", name: "Collections", narrowFields: true },
  customerGroups: {
    path: "/admin/customer-groups",
    listKey: "customer_groups",
    labelField: "name",
    name: "Customer groups",
    narrowFields: true,
  },
  segments: { path: "/admin/marketing/segments", listKey: "segments", labelField: "name", name: "Segments" },
  campaigns: { path: "/admin/marketing/campaigns", listKey: "campaigns", labelField: "name", name: "Campaigns" },
} satisfies Record<string, OptionSource>

const RESULT_LIMIT = 10

async function fetchOptions(source: OptionSource, query: Record<string, unknown>): Promise<PickerOption[]> {
  const fields = source.narrowFields ? { fields: `id,${source.labelField}` } : {}
  const body = await sdk.client.fetch<Record<string, Record<string, string>[]>>(source.path, {
    query: { ...query, ...fields },
  })
  return body[source.listKey].map((record) => ({ id: record.id, label: record[source.labelField] || record.id }))
}

/**
 * The first records whose text matches `q` (the first ones of all, for an empty `q`); `enabled` once
 * someone looks, as a form may hold many pickers.
 */
export const useOptionSearch = (source: OptionSource, q: string, enabled: boolean) =>
  useQuery<PickerOption[], FetchError>({
    queryKey: ["marketing_picker_options", source.path, "search", q],
    queryFn: () => fetchOptions(source, { q: q || undefined, limit: RESULT_LIMIT }),
    placeholderData: keepPreviousData,
    enabled,
  })

/** The labels of records known only by id, e.g. those a stored promotion targets. */
export const useOptionLabels = (source: OptionSource, ids: string[]) =>
  useQuery<PickerOption[], FetchError>({
    queryKey: ["marketing_picker_options", source.path, "labels", ids],
    queryFn: () => fetchOptions(source, { id: ids, limit: ids.length }),
    enabled: ids.length > 0,
    staleTime: Infinity,
  })
