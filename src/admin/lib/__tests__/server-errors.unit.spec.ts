import { splitServerErrors } from "../server-errors"

const FIELDS = ["name", "channel", "subject", "body", "scheduled_at", "schedule_cron", "budget_amount"] as const
const split = (message: string) => splitServerErrors(message, FIELDS)

describe("splitServerErrors", () => {
  it("puts a message under the field it starts with, without repeating the field's API name", () => {
    expect(split("Invalid request: scheduled_at must be in the future")).toEqual({
      fields: { scheduled_at: "Must be in the future" },
    })
  })

  it("recognises the field Medusa's validation quotes", () => {
    expect(split("Invalid request: Value for field 'name' too small, expected at least: '1'")).toEqual({
      fields: { name: "Value for field 'name' too small, expected at least: '1'" },
    })
  })

  it("splits the problems of one message among their fields and keeps its heading for the form", () => {
    expect(
      split(
        "Cannot update a campaign in status 'scheduled': body: a campaign needs content before it can go out; " +
          "subject: an email campaign needs a subject"
      )
    ).toEqual({
      fields: {
        body: "A campaign needs content before it can go out",
        subject: "An email campaign needs a subject",
      },
      form: "Cannot update a campaign in status 'scheduled'",
    })
  })

  it("keeps whole a message that names a second field", () => {
    const message = "schedule_cron and scheduled_at: a campaign is either one-off or recurring, not both"
    expect(split(`Invalid request: ${message}`)).toEqual({ fields: { schedule_cron: message } })
  })

  it("leaves a message that names no known field to the form", () => {
    expect(split("Invalid request: Unrecognized fields: 'foo'")).toEqual({
      fields: {},
      form: "Unrecognized fields: 'foo'",
    })
    expect(split("Cannot change subject, body of a campaign in status 'sent'")).toEqual({
      fields: {},
      form: "Cannot change subject, body of a campaign in status 'sent'",
    })
  })
})
