import fc from "fast-check"
import {
  classifyClick,
  classifyOpen,
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
  const click = (userAgent: string | null, ms = HOUR, recentClickTimes: Date[] = []) =>
    classifyClick({ userAgent, sentAt, at: after(ms), recentClickTimes })

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

  describe("bursts of clicks on one message", () => {
    const at = HOUR
    it.each([
      ["two other clicks in the same second", [at - 400, at + 300], "scanner"],
      ["three earlier clicks within the second", [at - 900, at - 500, at - 1], "scanner"],
      ["one other click (a double click)", [at - 200], null],
      ["a second click exactly a second away", [at - 200, at + CLICK_BURST_WINDOW_MS], null],
      ["other clicks minutes apart", [at - 120_000, at - 60_000, at + 60_000], null],
      ["no other clicks", [], null],
    ])("%s: %p", (_, times, flag) => {
      expect(click(CHROME, at, times.map(after))).toBe(flag)
    })
  })

  it("a burst needs as many clicks as CLICK_BURST_SIZE", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -999, max: 999 }), { maxLength: 6 }), (offsets) => {
        const flag = click(CHROME, HOUR, offsets.map((offset) => after(HOUR + offset)))
        expect(flag).toBe(offsets.length + 1 >= CLICK_BURST_SIZE ? "scanner" : null)
      })
    )
  })
})
