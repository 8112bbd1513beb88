import twilio from "twilio"
import type RequestClient from "twilio/lib/base/RequestClient"

/**
 * The Twilio SDK's own HTTP client, sending to another origin (a local stand-in for the demo and
 * tests). A custom `httpClient` is the SDK's supported extension point: every request reaches it
 * with an absolute https://*.twilio.com URI, rewritten here with its path and query kept.
 */
export class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options?: RequestClient.RequestClientOptions
  ) {
    super(options)
  }

  request<TData>(options: RequestClient.RequestOptions<TData>) {
    const { pathname, search } = new URL(options.uri)
    return super.request<TData>({ ...options, uri: `${this.baseUrl}${pathname}${search}` })
  }
}
