import type { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** The currency of the contacts' money (total spent, average order), which the plugin's options set. */
export const useContactCurrency = () =>
  useQuery<{ currency_code: string }, FetchError, string>({
    queryKey: ["marketing_contact_currency"],
    queryFn: () => sdk.client.fetch("/admin/marketing/currency"),
    select: (response) => response.currency_code,
    // Set in medusa-config: it changes with a restart, not while the admin is open.
    staleTime: Infinity,
  })
