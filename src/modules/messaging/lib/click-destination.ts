/** The query parameter that carries a tracked click into the storefront, for order attribution. */
export const CLICK_PARAMETER = "mkt_click"

/**
 * Where a tracked click leads: the recorded URL, and for links into the storefront the click's token
 * as `mkt_click`, so that the storefront can attribute the cart. Other sites never see the token.
 */
export function clickDestination(recordedUrl: string, token: string, storefrontUrl: string | null): string {
  if (!storefrontUrl) return recordedUrl
  let url: URL
  try {
    url = new URL(recordedUrl)
  } catch {
    return recordedUrl
  }
  if (url.origin !== new URL(storefrontUrl).origin) return recordedUrl
  url.searchParams.set(CLICK_PARAMETER, token)
  return url.toString()
}
