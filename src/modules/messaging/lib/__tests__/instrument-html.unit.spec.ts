import fc from "fast-check"
import { DomUtils, parseDocument } from "htmlparser2"
import { instrumentHtml, listUnsubscribeHeaders, NO_TRACK_ATTRIBUTE } from "../instrument-html"

const UNSUBSCRIBE = "https://t.example/u/tok?c=1&s=2"
const UNSUBSCRIBE_IN_HTML = "https://t.example/u/tok?c=1&amp;s=2"
const options = {
  clickUrl: (position: number) => `https://t.example/c/${position}`,
  openPixelUrl: "https://t.example/o/tok",
  unsubscribeUrl: UNSUBSCRIBE,
}
const PIXEL = '<img src="https://t.example/o/tok" width="1" height="1" alt="" style="display:none">'
const FOOTER =
  '<p style="margin:24px 0 0;font-size:12px;line-height:1.5;color:#6b7280;text-align:center">' +
  `<a href="${UNSUBSCRIBE_IN_HTML}" style="color:#6b7280">Unsubscribe</a></p>`
/** A document that already links to the unsubscribe URL, so that no footer is added. */
const withUnsubscribe = (body: string) => `${body}<a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a>`

describe("instrumentHtml", () => {
  describe("links", () => {
    it("routes absolute http(s) links through the click URL, numbered in document order", () => {
      const result = instrumentHtml(
        withUnsubscribe('<p><a href="https://shop.example/a">A</a> and <a href="http://shop.example/b">B</a></p>'),
        options
      )
      expect(result.links).toEqual([
        { position: 0, url: "https://shop.example/a" },
        { position: 1, url: "http://shop.example/b" },
      ])
      expect(result.html).toBe(
        '<p><a href="https://t.example/c/0">A</a> and <a href="https://t.example/c/1">B</a></p>' +
          `<a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a>${PIXEL}`
      )
    })

    it("gives every occurrence of the same URL its own position", () => {
      const html = withUnsubscribe('<a href="https://shop.example/">logo</a><a href="https://shop.example/">shop</a>')
      const result = instrumentHtml(html, options)
      expect(result.links).toEqual([
        { position: 0, url: "https://shop.example/" },
        { position: 1, url: "https://shop.example/" },
      ])
      expect(result.html).toContain('<a href="https://t.example/c/0">logo</a><a href="https://t.example/c/1">shop</a>')
    })

    it.each([
      ["mailto", "mailto:help@shop.example"],
      ["tel", "tel:+4930123456"],
      ["sms", "sms:+4930123456"],
      ["a fragment", "#top"],
      ["an absolute path", "/account"],
      ["a relative path", "account.html"],
      ["a protocol-relative URL", "//shop.example/x"],
      ["javascript", "javascript:alert(1)"],
      ["ftp", "ftp://files.example/a"],
      ["http without slashes", "http:shop.example"],
      ["an unparseable http URL", "https://"],
      ["an empty href", ""],
      ["a URL inside an attribute-looking string", "see https://shop.example"],
    ])("leaves %s alone", (_, href) => {
      const html = withUnsubscribe(`<a href="${href}">x</a>`)
      const result = instrumentHtml(html, options)
      expect(result.links).toEqual([])
      expect(result.html).toBe(html + PIXEL)
    })

    it("leaves anchors without href alone", () => {
      const html = withUnsubscribe('<a name="top">Top</a>')
      expect(instrumentHtml(html, options).html).toBe(html + PIXEL)
    })

    it.each([
      ['<A HREF="https://shop.example/x">x</A>', "https://shop.example/x"],
      ['<a HrEf="HTTPS://SHOP.EXAMPLE/X">x</a>', "HTTPS://SHOP.EXAMPLE/X"],
      ["<a href='https://shop.example/x'>x</a>", "https://shop.example/x"],
      ["<a href=https://shop.example/x>x</a>", "https://shop.example/x"],
      ['<a href="  https://shop.example/x\n">x</a>', "https://shop.example/x"],
    ])("tracks %s", (anchor, url) => {
      const result = instrumentHtml(withUnsubscribe(anchor), options)
      expect(result.links).toEqual([{ position: 0, url }])
      expect(result.html.startsWith('<a href="https://t.example/c/0">x</a>')).toBe(true)
    })

    it.each([
      ["&amp; between parameters", "https://shop.example/?a=1&amp;b=2", "https://shop.example/?a=1&b=2"],
      ["numeric references", "https://shop.example/&#x41;&#66;", "https://shop.example/AB"],
      ["a legacy entity name followed by '=' stays literal", "https://shop.example/?a=1&copy=2", "https://shop.example/?a=1&copy=2"],
      ["&quot; and a double quote in single quotes", "https://shop.example/?q=&quot;x&quot;", 'https://shop.example/?q="x"'],
    ])("records the URL with entities decoded: %s", (_, href, url) => {
      expect(instrumentHtml(withUnsubscribe(`<a href="${href}">x</a>`), options).links).toEqual([{ position: 0, url }])
    })

    it("decodes a single-quoted value that contains a double quote", () => {
      expect(instrumentHtml(withUnsubscribe(`<a href='https://shop.example/?q="x"'>x</a>`), options).links).toEqual([
        { position: 0, url: 'https://shop.example/?q="x"' },
      ])
    })

    it("keeps the markup inside and around a link", () => {
      const html = withUnsubscribe(
        '<table><tr><td class="btn"><a href="https://shop.example/x" style="color:#fff" target="_blank"><span><b>Buy</b> now</span></a></td></tr></table>'
      )
      expect(instrumentHtml(html, options).html).toBe(
        '<table><tr><td class="btn"><a href="https://t.example/c/0" style="color:#fff" target="_blank"><span><b>Buy</b> now</span></a></td></tr></table>' +
          `<a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a>${PIXEL}`
      )
    })

    it("escapes the click URL for the attribute", () => {
      const result = instrumentHtml(withUnsubscribe('<a href="https://shop.example/">x</a>'), {
        ...options,
        clickUrl: (position) => `https://t.example/c?p=${position}&s="sig"`,
      })
      expect(result.html).toContain('<a href="https://t.example/c?p=0&amp;s=&quot;sig&quot;">x</a>')
    })

    it.each(['data-no-track=""', "data-no-track", 'data-no-track="true"', 'DATA-NO-TRACK="1"'])(
      "leaves a link marked %s alone and drops the mark",
      (mark) => {
        const result = instrumentHtml(
          withUnsubscribe(`<a href="https://shop.example/a" ${mark}>a</a><a href="https://shop.example/b">b</a>`),
          options
        )
        expect(result.links).toEqual([{ position: 0, url: "https://shop.example/b" }])
        expect(result.html).toContain('<a href="https://shop.example/a">a</a><a href="https://t.example/c/0">b</a>')
        expect(result.html).not.toContain(NO_TRACK_ATTRIBUTE)
      }
    )

    it("drops the mark from an anchor without href too", () => {
      expect(instrumentHtml(withUnsubscribe(`<a name="x" ${NO_TRACK_ATTRIBUTE}>x</a>`), options).html).toContain('<a name="x">x</a>')
    })

    it("does not track links inside Outlook conditional comments (they are comments)", () => {
      const html = withUnsubscribe('<!--[if mso]><v:roundrect href="https://shop.example/mso"><![endif]-->')
      const result = instrumentHtml(html, options)
      expect(result.links).toEqual([])
      expect(result.html).toBe(html + PIXEL)
    })
  })

  describe("unsubscribe link", () => {
    it("is neither tracked nor duplicated when the email has one", () => {
      const html = `<body><p>Hi</p><p><a href="https://shop.example/">Shop</a> · <a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a></p></body>`
      const result = instrumentHtml(html, options)
      expect(result.links).toEqual([{ position: 0, url: "https://shop.example/" }])
      expect(result.html).toBe(
        `<body><p>Hi</p><p><a href="https://t.example/c/0">Shop</a> · <a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a></p>${PIXEL}</body>`
      )
    })

    it("counts when written unescaped, or marked no-track", () => {
      for (const link of [`<a href="${UNSUBSCRIBE}">u</a>`, `<a ${NO_TRACK_ATTRIBUTE} href="${UNSUBSCRIBE_IN_HTML}">u</a>`]) {
        expect(instrumentHtml(link, options).html).not.toContain("<p style=")
      }
    })

    it("is added as a footer before the pixel when missing", () => {
      expect(instrumentHtml("<body><p>Hi</p></body>", options).html).toBe(`<body><p>Hi</p>${FOOTER}${PIXEL}</body>`)
    })

    it("is added when the only similar link points elsewhere", () => {
      const result = instrumentHtml(`<a href="${UNSUBSCRIBE_IN_HTML}&amp;x=1">u</a>`, options)
      expect(result.links).toEqual([{ position: 0, url: `${UNSUBSCRIBE}&x=1` }])
      expect(result.html).toContain(FOOTER)
    })
  })

  describe("open pixel", () => {
    it("goes at the end of the body, not after it", () => {
      expect(instrumentHtml(`<html><body>${withUnsubscribe("<p>Hi</p>")}</body></html>`, options).html).toBe(
        `<html><body><p>Hi</p><a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a>${PIXEL}</body></html>`
      )
    })

    it("goes at the end of a document without body", () => {
      expect(instrumentHtml("<p>Hi</p>", options).html).toBe(`<p>Hi</p>${FOOTER}${PIXEL}`)
    })

    it("goes into the body even when it is not the last element", () => {
      expect(instrumentHtml(`<html><body>${withUnsubscribe("<p>Hi</p>")}</body><!-- end --></html>\n`, options).html).toBe(
        `<html><body><p>Hi</p><a href="${UNSUBSCRIBE_IN_HTML}">Unsubscribe</a>${PIXEL}</body><!-- end --></html>\n`
      )
    })

    it("escapes the pixel URL", () => {
      const result = instrumentHtml(withUnsubscribe(""), { ...options, openPixelUrl: 'https://t.example/o?a=1&b="2"' })
      expect(result.html).toContain('<img src="https://t.example/o?a=1&amp;b=&quot;2&quot;" width="1"')
    })

    it("instruments an empty document", () => {
      expect(instrumentHtml("", options)).toEqual({ html: FOOTER + PIXEL, links: [] })
    })
  })

  it("keeps the rest of a real-world email as written", () => {
    const head =
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' +
      '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n' +
      "<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->\n" +
      '<style type="text/css">a[x-apple-data-detectors] { color: inherit !important; } p > span { color: #333; }</style>\n' +
      "</head>\n"
    const body = [
      '<div style="display:none">Preheader&zwnj;&nbsp;&zwnj;&nbsp;</div>',
      "<p>Caf&eacute; &copy; 2026 &#8212; it&#8217;s &lt;great&gt; &amp; 5 < 6</p>",
      '<img src="logo.png" alt="" width="100"><o:p></o:p>',
      "<!-- a comment -->",
    ].join("\n")
    const original =
      head +
      "<body style='margin:0'>\n" +
      body +
      '\n<A HREF="https://shop.example/?a=1&amp;b=2" class=button>Shop&nbsp;now</A><br/>\n' +
      '<meta name="x" content="y" />\n</body>\n</html>'
    const result = instrumentHtml(original, options)
    expect(result.links).toEqual([{ position: 0, url: "https://shop.example/?a=1&b=2" }])
    expect(result.html).toBe(
      head +
        '<body style="margin:0">\n' +
        body +
        '\n<a href="https://t.example/c/0" class="button">Shop&nbsp;now</a><br>\n' +
        `<meta name="x" content="y">\n${FOOTER}${PIXEL}</body>\n</html>`
    )
  })

  describe("properties", () => {
    type Fragment = { html: string; link: { tracked: string } | { kept: string } | null }
    const TRACKABLE = [
      { href: "https://shop.example/", url: "https://shop.example/" },
      { href: "http://shop.example/a?b=1&amp;c=2", url: "http://shop.example/a?b=1&c=2" },
      { href: "HTTPS://X.EXAMPLE", url: "HTTPS://X.EXAMPLE" },
    ]
    const fragment: fc.Arbitrary<Fragment> = fc.oneof(
      fc.constantFrom(...TRACKABLE).map(({ href, url }) => ({ html: `<a href="${href}">t</a>`, link: { tracked: url } })),
      fc
        .constantFrom("mailto:a@b.example", "#top", "/path", "tel:1", "javascript:void(0)", "", "https://shop.example/")
        .chain((href) =>
          fc.constantFrom(
            { html: `<a ${NO_TRACK_ATTRIBUTE} href="${href}">n</a>`, link: { kept: href } },
            ...(href.startsWith("https:") ? [] : [{ html: `<a href="${href}">u</a>`, link: { kept: href } }])
          )
        ),
      fc
        .constantFrom("<p>text</p>", "<br>", "&nbsp;", "<table><tr><td>", "</td></tr></table>", "<!-- c -->")
        .map((html) => ({ html, link: null }))
    )
    const emailOf = (fragments: Fragment[]) => withUnsubscribe(fragments.map((f) => f.html).join(""))
    const parsed = (html: string) => parseDocument(html)

    it("rewrites exactly the trackable links, in order, and leaves every other link as it was", () => {
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 20 }), (fragments) => {
          const result = instrumentHtml(emailOf(fragments), options)
          const tracked = fragments.flatMap((f) => (f.link && "tracked" in f.link ? [f.link.tracked] : []))
          expect(result.links).toEqual(tracked.map((url, position) => ({ position, url })))

          let position = 0
          const expectedHrefs = fragments.flatMap((f) =>
            f.link === null ? [] : ["tracked" in f.link ? options.clickUrl(position++) : f.link.kept]
          )
          const hrefs = DomUtils.getElementsByTagName("a", parsed(result.html)).map((anchor) => anchor.attribs.href)
          expect(hrefs).toEqual([...expectedHrefs, UNSUBSCRIBE])
          expect(DomUtils.getElementsByTagName("img", parsed(result.html))).toHaveLength(1)
        })
      )
    })

    it("never changes the text of the email", () => {
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 20 }), (fragments) => {
          const html = emailOf(fragments)
          const text = (source: string) => DomUtils.textContent(parsed(source))
          expect(text(instrumentHtml(html, options).html)).toBe(text(html))
        })
      )
    })
  })
})

describe("listUnsubscribeHeaders", () => {
  it.each([
    [undefined, "<https://t.example/u>"],
    ["unsubscribe@shop.example", "<https://t.example/u>, <mailto:unsubscribe@shop.example>"],
    ["mailto:unsubscribe@shop.example?subject=stop", "<https://t.example/u>, <mailto:unsubscribe@shop.example?subject=stop>"],
    ["MAILTO:unsubscribe@shop.example", "<https://t.example/u>, <MAILTO:unsubscribe@shop.example>"],
  ])("mailto %p", (mailto, listUnsubscribe) => {
    expect(listUnsubscribeHeaders("https://t.example/u", mailto)).toEqual({
      "List-Unsubscribe": listUnsubscribe,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })
  })
})
