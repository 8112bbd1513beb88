import fc from "fast-check"
import {
  classifyClick,
  classifyOpen,
  flagClickBursts,
  inClickBurst,
  CLICK_BURST_SIZE,
  CLICK_BURST_WINDOW_MS,
  SCANNER_WINDOW_MS,
} from "../classify-engagement"

const sentAt = new Date("2026-05-04T09:00:00.000Z")
const after = (ms: number) => new Date(sentAt.getTime() + ms)
const HOUR = 3_600_000

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
const APPLE_MAIL = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
const OUTLOOK = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)"
const GMAIL_PROXY = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"
const YAHOO_PROXY = "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"

describe("classifyOpen", () => {
  const open = (userAgent: string | null, ip: string | null = "203.0.113.7", at = after(HOUR)) =>
    classifyOpen({ userAgent, ip, sentAt, at })

  it.each([
    ["a desktop browser", CHROME],
    ["Apple Mail without privacy protection", APPLE_MAIL],
    ["Outlook", OUTLOOK],
    ["the Gmail image proxy, which fetches when the reader opens", GMAIL_PROXY],
    ["the Yahoo image proxy, likewise", YAHOO_PROXY],
  ])("counts %s as a reader", (_, userAgent) => {
    expect(open(userAgent)).toBeNull()
  })

  it.each([
    ["no user agent", null],
    ["an empty user agent", ""],
    ["a blank user agent", "   "],
    ["curl", "curl/8.5.0"],
    ["a script", "python-requests/2.31.0"],
    ["a crawler", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
  ])("flags %s as a bot", (_, userAgent) => {
    expect(open(userAgent)).toBe("bot")
  })

  it.each([
    ["the bare Mozilla/5.0 of Apple's proxy", "Mozilla/5.0", "104.28.1.1"],
    ["the same with stray whitespace", " Mozilla/5.0 ", null],
    ["any client from Apple's 17.0.0.0/8", APPLE_MAIL, "17.58.63.1"],
    ["an IPv4-mapped IPv6 address in 17.0.0.0/8", APPLE_MAIL, "::ffff:17.1.2.3"],
    ["the same in capitals", APPLE_MAIL, "::FFFF:17.1.2.3"],
    ["Apple's address even without a user agent", null, "17.0.0.1"],
  ])("flags %s as Apple Mail Privacy Protection", (_, userAgent, ip) => {
    expect(open(userAgent, ip)).toBe("apple_mpp")
  })

  it.each([
    ["170.0.0.0/8", "170.1.2.3"],
    ["1.17.0.0", "1.17.0.1"],
    ["an IPv6 address", "2620:149::1"],
    ["something that is no address", "17.a.b.c"],
    ["an IPv4-mapped address elsewhere", "::ffff:8.8.8.8"],
  ])("does not take %s for Apple's", (_, ip) => {
    expect(open(CHROME, ip)).toBeNull()
  })

  it("does not take a Mozilla/5.0 with details for Apple's proxy", () => {
    expect(open("Mozilla/5.0 (X11; Linux x86_64)")).not.toBe("apple_mpp")
  })

  it.each([
    ["on delivery", 2_000],
    ["just inside the window", SCANNER_WINDOW_MS - 1],
    ["before the send time (clock skew)", -500],
  ])("flags a browser open %s as a scanner", (_, ms) => {
    expect(open(CHROME, "203.0.113.7", after(ms))).toBe("scanner")
  })

  it("counts a browser open once the window has passed", () => {
    expect(open(CHROME, "203.0.113.7", after(SCANNER_WINDOW_MS))).toBeNull()
  })

  it("names Apple's prefetch as such even though it comes on delivery", () => {
    expect(open("Mozilla/5.0", null, after(1_000))).toBe("apple_mpp")
  })
})

describe("classifyClick", () => {
  const click = (userAgent: string | null, ms = HOUR) => classifyClick({ userAgent, sentAt, at: after(ms) })

  it.each([
    ["a desktop browser", CHROME],
    ["a phone", IPHONE_SAFARI],
  ])("counts %s", (_, userAgent) => {
    expect(click(userAgent)).toBeNull()
  })

  it.each([
    ["no user agent", null],
    ["an empty user agent", ""],
    ["a link checker", "Mozilla/5.0 (compatible; Barracuda Link Protection; +https://www.barracuda.com) bot"],
    ["Apple's bare Mozilla/5.0", "Mozilla/5.0"],
    ["Go's HTTP client", "Go-http-client/1.1"],
  ])("flags %s as a bot", (_, userAgent) => {
    expect(click(userAgent)).toBe("bot")
  })

  it.each([
    ["on delivery", 3_000, "scanner"],
    ["just inside the window", SCANNER_WINDOW_MS - 1, "scanner"],
    ["before the send time (clock skew)", -1, "scanner"],
    ["when the window has passed", SCANNER_WINDOW_MS, null],
  ])("a browser click %s: %p", (_, ms, flag) => {
    expect(click(CHROME, ms)).toBe(flag)
  })

})

describe("inClickBurst", () => {
  const at = HOUR
  it.each([
    ["two other clicks in the same second", [at - 400, at + 300], true],
    ["three earlier clicks within the second", [at - 900, at - 500, at - 1], true],
    ["one other click (a double click)", [at - 200], false],
    ["a second click exactly a second away", [at - 200, at + CLICK_BURST_WINDOW_MS], false],
    ["other clicks minutes apart", [at - 120_000, at - 60_000, at + 60_000], false],
    ["no other clicks", [], false],
  ])("%s: %p", (_, times, burst) => {
    expect(inClickBurst(after(at), times.map(after))).toBe(burst)
  })

  it("a burst needs as many clicks as CLICK_BURST_SIZE", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -999, max: 999 }), { maxLength: 6 }), (offsets) => {
        const burst = inClickBurst(after(HOUR), offsets.map((offset) => after(HOUR + offset)))
        expect(burst).toBe(offsets.length + 1 >= CLICK_BURST_SIZE)
      })
    )
  })
})

describe("flagClickBursts", () => {
  const click = (message_id: string, ms: number, flag: string | null = null) => ({ message_id, type: "click", flag, occurred_at: after(ms) })
  const flags = (events: ReturnType<typeof click>[], stored: [string, number[]][] = []) =>
    flagClickBursts(events, new Map(stored.map(([id, times]) => [id, times.map(after)]))).map((e) => e.flag)

  it("keeps a reader's double click and flags the rest of a burst, in the order they came", () => {
    expect(flags([HOUR, HOUR + 10, HOUR + 20, HOUR + 30].map((ms) => click("m1", ms)))).toEqual([null, null, "scanner", "scanner"])
  })

  it("judges a batch's clicks with the clicks already stored", () => {
    expect(flags([click("m1", HOUR + 50)], [["m1", [HOUR, HOUR + 10]]])).toEqual(["scanner"])
    expect(flags([click("m1", HOUR + 50)], [["m1", [HOUR]]])).toEqual([null])
  })

  it("judges each message on its own clicks", () => {
    expect(flags([click("m1", HOUR), click("m2", HOUR + 1), click("m1", HOUR + 2), click("m2", HOUR + 3)])).toEqual([null, null, null, null])
  })

  it("leaves opens, unsubscribes and clicks flagged already as they are, while counting those clicks", () => {
    const events = [
      click("m1", HOUR, "bot"),
      { message_id: "m1", type: "open", flag: null, occurred_at: after(HOUR + 1) },
      click("m1", HOUR + 2),
      click("m1", HOUR + 3),
    ]
    expect(flagClickBursts(events, new Map()).map((e) => e.flag)).toEqual(["bot", null, null, "scanner"])
  })

  it("flags, of n clicks within the window, all but the first CLICK_BURST_SIZE - 1, however they are split between stored and batch", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (storedCount, batchCount) => {
        const stored: [string, number[]][] = [["m1", Array.from({ length: storedCount }, (_, i) => HOUR + i)]]
        const batch = Array.from({ length: batchCount }, (_, i) => click("m1", HOUR + storedCount + i))
        const unflagged = flags(batch, stored).filter((flag) => flag === null).length
        expect(unflagged).toBe(Math.max(0, Math.min(batchCount, CLICK_BURST_SIZE - 1 - storedCount)))
      })
    )
  })
})
