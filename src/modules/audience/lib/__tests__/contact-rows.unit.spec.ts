import { mergeDuplicates, parseContactRow, unknownColumns } from "../contact-rows"

describe("contact CSV rows", () => {
  it("normalises a good row", () => {
    expect(
      parseContactRow(
        {
          email: " Ada@Example.COM ",
          phone: "+49 151 12345678",
          first_name: "Ada",
          last_name: "",
          country: "de",
          timezone: "Europe/Berlin",
          email_consent: "Subscribed",
          "metadata.tier": "gold",
          "metadata.empty": " ",
        },
        2
      )
    ).toEqual({
      contact: {
        email: "ada@example.com",
        phone: "+4915112345678",
        first_name: "Ada",
        country_code: "de",
        timezone: "Europe/Berlin",
        email_consent: "subscribed",
        metadata: { tier: "gold" },
      },
      problems: [],
    })
  })

  it("reads national numbers with a default country", () => {
    expect(parseContactRow({ phone: "0151 12345678" }, 3, { defaultCountry: "de" }).contact?.phone).toBe("+4915112345678")
  })

  it("names every problem with its line and field", () => {
    expect(
      parseContactRow(
        { email: "not-an-email", phone: "12", country: "Germany", timezone: "Mars/Base", sms_consent: "yes" },
        7
      ).problems
    ).toEqual([
      { line: 7, field: "email", reason: "'not-an-email' is not an email address" },
      { line: 7, field: "phone", reason: "'12' is not a valid phone number (use +<country code><number>)" },
      { line: 7, field: "country", reason: "'Germany' is not a two-letter country code such as DE" },
      { line: 7, field: "timezone", reason: "'Mars/Base' is not an IANA timezone such as Europe/Berlin" },
      { line: 7, field: "sms_consent", reason: "'yes' is not one of subscribed, unsubscribed, pending" },
    ])
  })

  it("needs an email or a phone, and consent needs its channel's address", () => {
    expect(parseContactRow({ first_name: "Nobody" }, 4).problems).toEqual([
      { line: 4, field: "email", reason: "a contact needs an email or a phone" },
    ])
    expect(parseContactRow({ email: "a@b.io", sms_consent: "subscribed" }, 5).problems).toEqual([
      { line: 5, field: "sms_consent", reason: "sms consent needs a phone" },
    ])
  })

  it("rejects cells that cannot be stored: control characters and over-long values", () => {
    expect(
      parseContactRow(
        { email: "a\u0000@b.io", first_name: "Ada\u0007", last_name: "x".repeat(256), "metadata.note": "y".repeat(1_001) },
        8
      ).problems
    ).toEqual([
      { line: 8, field: "email", reason: "contains the control character U+0000" },
      { line: 8, field: "first_name", reason: "contains the control character U+0007" },
      { line: 8, field: "last_name", reason: "is longer than 255 characters" },
      { line: 8, field: "metadata.note", reason: "is longer than 1,000 characters" },
    ])
    expect(parseContactRow({ email: `${"a".repeat(250)}@b.io` }, 9).problems).toEqual([
      { line: 9, field: "email", reason: "is longer than 254 characters" },
    ])
    // Line breaks and tabs are text; the longest allowed values are kept whole.
    expect(
      parseContactRow({ email: "a@b.io", last_name: "x".repeat(255), "metadata.note": "two\nlines\tand a tab" }, 10).contact
    ).toEqual({ email: "a@b.io", phone: null, last_name: "x".repeat(255), metadata: { note: "two\nlines\tand a tab" } })
  })

  it("quotes a rejected value only so far", () => {
    const [problem] = parseContactRow({ email: `${"no-at-sign".repeat(20)}` }, 2).problems
    expect(problem.reason).toBe(`'${"no-at-sign".repeat(6).slice(0, 59)}…' is not an email address`)
  })

  it("knows its columns", () => {
    expect(unknownColumns(["email", "metadata.tier", "favourite", "metadata."])).toEqual(["favourite", "metadata."])
  })

  it("merges rows about the same person, later cells winning", () => {
    expect(
      mergeDuplicates([
        { email: "a@x.io", phone: null, first_name: "A", metadata: { x: "1" } },
        { email: "b@x.io", phone: "+4915112345678" },
        { email: "a@x.io", phone: "+4915199999999", last_name: "Z", metadata: { y: "2" } },
        { email: null, phone: "+4915112345678", first_name: "B" },
      ])
    ).toEqual([
      { email: "a@x.io", phone: "+4915199999999", first_name: "A", last_name: "Z", metadata: { x: "1", y: "2" } },
      { email: "b@x.io", phone: "+4915112345678", first_name: "B" },
    ])
  })
})
