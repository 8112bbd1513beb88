import { isIPv4 } from "node:net"
import { isbot } from "isbot"

/**
 * Flags opens and clicks that machines made, so that they are recorded but left out of unique
 * counts. Heuristics, all from public observations rather than any provider's promise:
 *
 * - Apple Mail Privacy Protection fetches every remote image of a message on delivery, through
 *   Apple's proxies, whether or not anyone reads it (Apple, "Use Mail Privacy Protection";
 *   SocketLabs, "Identifying Apple MPP opens"). ESPs' testing finds the fetch carries the bare
 *   user agent `Mozilla/5.0`, which no browser or mail client sends. The proxies are the iCloud
 *   Private Relay infrastructure (Word to the Wise, "Apple MPP reporting and geolocation", 2021;
 *   egress list at https://mask-api.icloud.com/egress-ip-ranges.csv, mostly CDN partners' space),
 *   so the address check can only recognise the part that comes from Apple's own 17.0.0.0/8
 *   (ARIN NET-17-0-0-0-1, APPLE-WWNET); the user agent is the stronger signal.
 * - Security gateways (Microsoft Defender Safe Links, Proofpoint URL Defense, Mimecast,
 *   Barracuda) follow every link when a message arrives: deliverability write-ups describe all
 *   links clicked "within 1–5 seconds of the email arriving" and "multiple links clicked within
 *   seconds" (Arternal support, "Clickthroughs triggered by email security scanners"; "Bot clicks
 *   from security scanners: a field guide", which treats clicks within 5 s of delivery as bots).
 *   People take longer to open a message, and longer again between two links, since each click
 *   opens a page.
 */
export type EngagementFlag = "bot" | "apple_mpp" | "scanner" | null

/** Machine activity this soon after sending: delivery itself takes a few of these seconds. */
export const SCANNER_WINDOW_MS = 10_000
/** Clicks of one message this close together come from a link scanner, not a reader. */
export const CLICK_BURST_WINDOW_MS = 1_000
/** This click and two more of the same message within CLICK_BURST_WINDOW_MS (a double click makes two). */
export const CLICK_BURST_SIZE = 3

const APPLE_PROXY_USER_AGENT = "Mozilla/5.0"

/**
 * Gmail and Yahoo fetch images through their own proxies when the reader opens the message
 * (Validity, "Platform Distribution": "caching happens at open"). isbot counts them as bots;
 * for an open they are the reader.
 */
const MAILBOX_IMAGE_PROXIES = ["GoogleImageProxy", "YahooMailProxy"]

export function classifyOpen(input: { userAgent: string | null; ip: string | null; sentAt: Date; at: Date }): EngagementFlag {
  const userAgent = input.userAgent?.trim() ?? ""
  if (userAgent === APPLE_PROXY_USER_AGENT || (input.ip !== null && isAppleAddress(input.ip))) return "apple_mpp"
  if (MAILBOX_IMAGE_PROXIES.some((proxy) => userAgent.includes(proxy))) return null
  if (isMachine(userAgent)) return "bot"
  // Gateways that render the message to inspect it fetch the pixel on arrival too.
  return tooSoonForAPerson(input) ? "scanner" : null
}

/** A click's own signals. Whether it is one of a burst is judged where clicks are stored (flagClickBursts). */
export function classifyClick(input: { userAgent: string | null; sentAt: Date; at: Date }): EngagementFlag {
  if (isMachine(input.userAgent?.trim() ?? "")) return "bot"
  return tooSoonForAPerson(input) ? "scanner" : null
}

/** Whether a click at `at` and the message's clicks at `others` (before or after it) make a scanner's burst. */
export function inClickBurst(at: Date, others: Date[]): boolean {
  const near = others.filter((time) => Math.abs(time.getTime() - at.getTime()) < CLICK_BURST_WINDOW_MS)
  return near.length + 1 >= CLICK_BURST_SIZE
}

type JudgedEvent = { message_id: string; type: string; flag: string | null; occurred_at: Date }

/**
 * Flags as a scanner's each click, not flagged already, that makes a burst with its message's stored
 * clicks and the batch's clicks before it. Events are judged in the order they came, so a reader's
 * double click before a scanner's burst stays a reader's.
 */
export function flagClickBursts<E extends JudgedEvent>(events: E[], storedClicks: Map<string, Date[]>): E[] {
  const seen = new Map(storedClicks)
  return events.map((event) => {
    if (event.type !== "click") return event
    const earlier = seen.get(event.message_id) ?? []
    seen.set(event.message_id, [...earlier, event.occurred_at])
    return event.flag === null && inClickBurst(event.occurred_at, earlier) ? { ...event, flag: "scanner" } : event
  })
}

const isMachine = (userAgent: string) => userAgent === "" || isbot(userAgent)

/** Earlier than sentAt counts too: that is clock skew between servers, not time travel. */
const tooSoonForAPerson = ({ sentAt, at }: { sentAt: Date; at: Date }) =>
  at.getTime() - sentAt.getTime() < SCANNER_WINDOW_MS

function isAppleAddress(ip: string): boolean {
  // Dual-stack servers report IPv4 clients as IPv4-mapped IPv6 addresses.
  const address = ip.toLowerCase().startsWith("::ffff:") ? ip.slice("::ffff:".length) : ip
  return isIPv4(address) && address.startsWith("17.")
}
