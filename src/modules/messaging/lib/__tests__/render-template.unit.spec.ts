import { Liquid } from "liquidjs"
import {
  htmlToPlainText,
  PARSED_TEMPLATE_CACHE_SIZE,
  renderEmail,
  renderText,
  TemplateError,
  TemplateVariables,
  validateTemplate,
} from "../render-template"

const variables: TemplateVariables = {
  contact: {
    email: "ada@example.com",
    phone: "+4915112345678",
    first_name: "Ada",
    last_name: "Lovelace",
    country_code: "de",
    orders_count: 3,
    total_spent: 149.5,
    metadata: { tier: "gold" },
  },
  campaign: { name: "Summer sale", subject: "Sun's out" },
  unsubscribe_url: "https://shop.example/unsubscribe?c=1&t=abc",
  promotion_code: "SUMMER-7QX",
}

const hostile = { ...variables, contact: { ...variables.contact, first_name: `<script>alert("x")</script>` } }

/** The TemplateError a call throws; fails the test if it throws anything else or nothing. */
function templateError(run: () => unknown): TemplateError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError)
    return error as TemplateError
  }
  throw new Error("no error thrown")
}

describe("renderText", () => {
  it.each([
    ["Hi {{ contact.first_name }} {{ contact.last_name }}", "Hi Ada Lovelace"],
    ["{{ contact.orders_count }} orders, {{ contact.total_spent }} spent", "3 orders, 149.5 spent"],
    ["Tier: {{ contact.metadata.tier | upcase }}", "Tier: GOLD"],
    ["{{ campaign.name }} / {{ campaign.subject }}", "Summer sale / Sun's out"],
    ["Code {{ promotion_code }}", "Code SUMMER-7QX"],
    ["Stop: {{ unsubscribe_url }}", "Stop: https://shop.example/unsubscribe?c=1&t=abc"],
  ])("%s", (source, expected) => {
    expect(renderText(source, variables)).toBe(expected)
  })

  it.each([
    ["{{ contact.nickname }}", ""],
    ["{{ contact.metadata.missing.deeper }}", ""],
    ["{{ nothing_at_all }}", ""],
    ["[{{ contact.nickname | default: 'friend' }}]", "[friend]"],
    ["{% if promotion_code %}Use {{ promotion_code }}{% else %}No code{% endif %}", "No code"],
  ])("a missing variable renders empty: %s", (source, expected) => {
    const { promotion_code: _, ...withoutCode } = variables
    expect(renderText(source, withoutCode)).toBe(expected)
  })

  it("does not escape: SMS and push are plain text", () => {
    expect(renderText("Hi {{ contact.first_name }} & co", hostile)).toBe(`Hi <script>alert("x")</script> & co`)
  })

  it("keeps inherited properties out of reach", () => {
    expect(renderText("[{{ contact.constructor }}][{{ contact.constructor.name }}][{{ contact.hasOwnProperty }}]", variables)).toBe(
      "[][][]"
    )
  })

  it("uses Liquid truthiness, not JavaScript's: 0 and the empty string are true", () => {
    expect(renderText("{% if zero %}a{% endif %}{% if empty %}b{% endif %}{% if nothing %}c{% endif %}", { zero: 0, empty: "" })).toBe("ab")
  })

  it("names the field in errors, 'body' unless told", () => {
    expect(templateError(() => renderText("{{ x | nope }}", {})).message).toBe("body: Line 1, column 1: undefined filter: nope")
    expect(templateError(() => renderText("{{ x | nope }}", {}, "push.title")).field).toBe("push.title")
  })

  it("reports a failure while rendering at the expression that failed", () => {
    const contact = Object.defineProperty({}, "email", {
      enumerable: true,
      get() {
        throw new Error("lookup failed")
      },
    })
    const error = templateError(() => renderText("Hello\n  {{ contact.email }}", { contact }))
    expect(error.message).toBe("body: Line 2, column 6: lookup failed")
  })

  it("lets errors that are not about the template through unchanged", () => {
    const failure = new RangeError("out of something")
    const render = jest.spyOn(Liquid.prototype, "renderSync").mockImplementation(() => {
      throw failure
    })
    try {
      expect(() => renderText("{{ a }}", {})).toThrow(failure)
    } finally {
      render.mockRestore()
    }
  })
})

describe("validateTemplate", () => {
  it("accepts valid Liquid", () => {
    expect(() => validateTemplate("{% for i in (1..3) %}{{ i | plus: 1 }}{% endfor %}{% comment %}x{% endcomment %}", "html")).not.toThrow()
  })

  it.each([
    ["{{ contact.first_name | foo }}", 1, 1, "undefined filter: foo"],
    ["Hello\n\n  {{ name | shout }}", 3, 3, "undefined filter: shout"],
    ["Hi {% if %}", 1, 9, 'invalid value expression: ""'],
    ["Hi {{ contact.first_name", 1, 4, 'output "{{ contact.first_name" not closed'],
    ["a\n{% for x in y %}", 2, 1, "tag {% for x in y %} not closed"],
    ["{% bogus %}", 1, 1, 'tag "bogus" not found'],
    ["{% endif %}", 1, 1, 'tag "endif" not found'],
  ])("%j: line %i, column %i", (source, line, col, detail) => {
    const error = templateError(() => validateTemplate(source, "body"))
    expect(error).toMatchObject({ line, col, detail, field: "body" })
    expect(error.message).toBe(`body: Line ${line}, column ${col}: ${detail}`)
  })

  it.each(["include", "render", "layout"])("refuses {%% %s %%}, even of a file that exists", (tag) => {
    const error = templateError(() => validateTemplate(`Hi\n{% ${tag} 'package.json' %}`, "html"))
    expect(error.message).toBe(`html: Line 2, column 1: {% ${tag} %} is not available: a template cannot load other files`)
  })

  it("refuses a template longer than the parse limit, without a position", () => {
    const error = templateError(() => validateTemplate("x".repeat(1_000_001), "html"))
    expect(error).toMatchObject({ line: null, col: null, message: "html: parse length limit exceeded" })
  })
})

describe("limits on hostile templates", () => {
  it("stops a template that allocates too much", () => {
    const error = templateError(() => renderText("{% for i in (1..100000000) %}x{% endfor %}", {}))
    expect(error.message).toBe("body: Line 1, column 1: memory alloc limit exceeded")
  })

  it("stops a string that doubles itself", () => {
    const source = "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}"
    expect(templateError(() => renderText(source, {})).detail).toBe("memory alloc limit exceeded")
  })

  it("stops a template that runs too long", () => {
    const source = "{% for i in (1..3000) %}{% for j in (1..3000) %}{% if j > 0 %}{% endif %}{% endfor %}{% endfor %}"
    const started = Date.now()
    expect(templateError(() => renderText(source, {})).detail).toBe("template render limit exceeded")
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe("renderEmail", () => {
  const template = {
    subject: "{{ contact.first_name }}, {{ campaign.subject }}",
    html: '<p>Hi {{ contact.first_name }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
    text: "Hi {{ contact.first_name }}\nUnsubscribe: {{ unsubscribe_url }}",
  }

  it("renders all three parts", () => {
    expect(renderEmail(template, variables)).toEqual({
      subject: "Ada, Sun's out",
      html: '<p>Hi Ada</p><a href="https://shop.example/unsubscribe?c=1&amp;t=abc">Unsubscribe</a>',
      text: "Hi Ada\nUnsubscribe: https://shop.example/unsubscribe?c=1&t=abc",
    })
  })

  it("escapes contact data in the HTML only", () => {
    const email = renderEmail(template, hostile)
    expect(email.html).toBe(
      "<p>Hi &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>" +
        '<a href="https://shop.example/unsubscribe?c=1&amp;t=abc">Unsubscribe</a>'
    )
    expect(email.subject).toBe(`<script>alert("x")</script>, Sun's out`)
    expect(email.text).toContain(`Hi <script>alert("x")</script>`)
  })

  it("escapes an attribute value so that it cannot close the attribute", () => {
    const html = renderEmail({ subject: "", html: `<a title="{{ t }}" href="{{ u }}">x</a>` }, { t: `" onclick="evil()`, u: `https://a.example/?q=1&r='2'` }).html
    expect(html).toBe(`<a title="&#34; onclick=&#34;evil()" href="https://a.example/?q=1&amp;r=&#39;2&#39;">x</a>`)
  })

  it.each([
    ["{{ contact.first_name | escape }}", "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"],
    ["{{ contact.first_name | escape_once }}", "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"],
    ["{{ contact.first_name | raw }}", `<script>alert("x")</script>`],
    ["{{ contact.first_name | upcase }}", "&lt;SCRIPT&gt;ALERT(&#34;X&#34;)&lt;/SCRIPT&gt;"],
  ])("in HTML, %s is escaped exactly once (or not, with raw)", (source, expected) => {
    expect(renderEmail({ subject: "", html: source }, hostile).html).toBe(expected)
  })

  it("keeps the explicit escape filter working in plain text", () => {
    expect(renderText("{{ contact.first_name | escape }}", hostile)).toBe("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")
  })

  it("puts the subject on one line", () => {
    const subject = "{% if contact.first_name %}\n  {{ contact.first_name }},\n{% endif %}\tyour {{ campaign.name }}  \n"
    expect(renderEmail({ subject, html: "" }, variables).subject).toBe("Ada, your Summer sale")
  })

  it.each([undefined, null, ""])("derives the text part from the HTML when the text is %p", (text) => {
    const html =
      "<html><head><style>p { color: red }</style></head><body>" +
      "<h1>Hi {{ contact.first_name }}</h1>" +
      '<p>Our <a href="https://shop.example/sale?a=1&amp;b=2">summer sale</a> starts now.<img src="https://cdn.example/x.png" alt="Banner"></p>' +
      '<p><a href="https://shop.example">https://shop.example</a></p>' +
      "</body></html>"
    expect(renderEmail({ subject: "s", html, text }, hostile).text).toBe(
      `HI <SCRIPT>ALERT("X")</SCRIPT>\n\nOur summer sale [https://shop.example/sale?a=1&b=2] starts now.\n\nhttps://shop.example`
    )
  })

  it.each([
    ["subject", { subject: "{{ a | nope }}", html: "", text: "" }],
    ["html", { subject: "", html: "{{ a | nope }}", text: "" }],
    ["text", { subject: "", html: "", text: "{{ a | nope }}" }],
  ])("names the %s field in errors", (field, broken) => {
    expect(templateError(() => renderEmail(broken, variables)).message).toBe(`${field}: Line 1, column 1: undefined filter: nope`)
  })
})

describe("htmlToPlainText", () => {
  it("wraps at 78 characters", () => {
    const lines = htmlToPlainText(`<p>${"word ".repeat(40)}</p>`).split("\n")
    expect(lines.map((line) => line.length)).toEqual([74, 74, 49])
  })

  it("lists items and drops images", () => {
    expect(htmlToPlainText('<ul><li>One</li><li>Two</li></ul><img src="a.png" alt="A">')).toBe(" * One\n * Two")
  })
})

describe("parsed template cache", () => {
  let parse: jest.SpyInstance
  beforeEach(() => {
    parse = jest.spyOn(Liquid.prototype, "parse")
  })
  afterEach(() => parse.mockRestore())

  /** Sources no other test renders, so that the module-wide cache starts cold for them. */
  const unique = (name: string) => `{{ contact.first_name }} ${name} ${Math.random()}`
  const parsesOf = (source: string) => parse.mock.calls.filter(([parsed]) => parsed === source).length

  it("parses a source once for any number of renders", () => {
    const source = unique("once")
    for (let i = 0; i < 5; i++) renderText(source, variables)
    expect(parsesOf(source)).toBe(1)
  })

  it("keeps the escaping of the HTML and of the text apart", () => {
    const source = unique("both") + " {{ tag }}"
    expect(renderText(source, { tag: "<b>" })).toMatch(/ <b>$/)
    expect(renderEmail({ subject: "", html: source }, { tag: "<b>" }).html).toMatch(/ &lt;b&gt;$/)
    expect(parsesOf(source)).toBe(2)
  })

  it("shares parses between validation and rendering", () => {
    const source = unique("validated")
    validateTemplate(source, "body")
    renderText(source, variables)
    expect(parsesOf(source)).toBe(1)
  })

  it("forgets the least recently used source first", () => {
    const kept = unique("kept")
    const dropped = unique("dropped")
    renderText(kept, variables)
    renderText(dropped, variables)
    for (let i = 0; i < PARSED_TEMPLATE_CACHE_SIZE - 1; i++) {
      renderText(kept, variables)
      renderText(unique(`filler ${i}`), variables)
    }
    parse.mockClear()
    renderText(kept, variables)
    renderText(dropped, variables)
    expect(parsesOf(kept)).toBe(0)
    expect(parsesOf(dropped)).toBe(1)
  })

  it("does not keep a source that failed to parse", () => {
    const source = unique("broken") + " {{ x | nope }}"
    templateError(() => validateTemplate(source, "body"))
    templateError(() => validateTemplate(source, "body"))
    expect(parsesOf(source)).toBe(2)
  })
})

describe("TemplateError", () => {
  it.each<[string, number | null, number | null, string | null, string]>([
    ["undefined filter: x", 3, 7, null, "Line 3, column 7: undefined filter: x"],
    ["undefined filter: x", 3, 7, "html", "html: Line 3, column 7: undefined filter: x"],
    ["parse length limit exceeded", null, null, "html", "html: parse length limit exceeded"],
    ["parse length limit exceeded", null, null, null, "parse length limit exceeded"],
  ])("%j at %p:%p in %p reads %j", (detail, line, col, field, message) => {
    const error = new TemplateError(detail, line, col, field)
    expect(error.message).toBe(message)
    expect(error.name).toBe("TemplateError")
    expect(JSON.parse(JSON.stringify(error))).toEqual({ message, field, line, col })
  })
})
