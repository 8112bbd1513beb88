const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"])

const parse = (url: string): URL | null => {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** An http URL to this machine: the only http an endpoint may have, and only in development. Pure. */
export function isLocalHttpUrl(url: string): boolean {
  const parsed = parse(url)
  return parsed?.protocol === "http:" && LOCAL_HOSTS.has(parsed.hostname)
}

/** Whether a URL may be an endpoint's at all: https, or http to this machine (see isLocalHttpUrl), without credentials. Pure. */
export function isEndpointUrl(url: string): boolean {
  const parsed = parse(url)
  return !!parsed && !parsed.username && !parsed.password && (parsed.protocol === "https:" || isLocalHttpUrl(url))
}
