import type { AdminCampaign } from "../../../../types/http/campaign"
import {
  CampaignFormValues,
  placeServerErrors,
  toCreatePayload,
  toFormValues,
  toUpdatePayload,
  validateCampaignForm,
} from "../campaign-form-values"

const NOW = new Date("2026-06-01T12:00:00Z")
const empty = toFormValues()
const values = (changes: Partial<CampaignFormValues>): CampaignFormValues => ({ ...empty, ...changes })

const sentCampaign = {
  id: "mcamp_1",
  name: "Spring sale",
  description: null,
  channel: "email",
  status: "sent",
  subject: "Spring is here",
  body: "<p>Hello</p>",
  scheduled_at: "2026-05-01T09:00:00.000Z",
  schedule_cron: null,
  schedule_timezone: "UTC",
  budget_amount: 100,
  budget_currency_code: "eur",
  segment_id: null,
  created_by: "user_1",
  metadata: null,
  created_at: "2026-04-01T09:00:00.000Z",
  updated_at: "2026-05-01T09:00:00.000Z",
} as AdminCampaign

describe("validateCampaignForm", () => {
  it("asks for a name, a non-negative budget and a send time ahead", () => {
    expect(
      validateCampaignForm(
        values({ name: " ", budget_amount: "-1", scheduled_at: new Date("2026-05-31T12:00:00Z") }),
        empty,
        NOW
      )
    ).toEqual({
      name: "Enter a name",
      budget_amount: "Enter an amount of 0 or more",
      scheduled_at: "Choose a time in the future",
    })
  })

  it("accepts the past send time of a campaign that already went out", () => {
    const initial = toFormValues(sentCampaign)
    expect(validateCampaignForm({ ...initial, name: "Renamed" }, initial, NOW)).toEqual({})
  })

  it("asks a recurring campaign for its cron expression, leaving its rules to the server", () => {
    expect(validateCampaignForm(values({ name: "Digest", schedule_type: "recurring" }), empty, NOW)).toEqual({
      schedule_cron: "Enter when the campaign repeats, as a cron expression",
    })
    expect(
      validateCampaignForm(
        values({ name: "Digest", schedule_type: "recurring", schedule_cron: "* * * * *" }),
        empty,
        NOW
      )
    ).toEqual({})
  })
})

describe("toCreatePayload", () => {
  it("leaves out what is empty or does not apply, for the server's defaults", () => {
    expect(
      toCreatePayload(
        values({
          name: " Flash sale ",
          channel: "sms",
          subject: "Ignored for SMS",
          body: "Today only",
          budget_amount: "300",
          scheduled_at: new Date("2026-07-01T10:00:00Z"),
          schedule_cron: "0 9 * * 1",
        })
      )
    ).toEqual({
      name: "Flash sale",
      channel: "sms",
      body: "Today only",
      budget_amount: 300,
      scheduled_at: "2026-07-01T10:00:00.000Z",
    })
  })
})

describe("toUpdatePayload", () => {
  it("sends only the fields that changed", () => {
    const initial = toFormValues(sentCampaign)
    expect(toUpdatePayload({ ...initial, name: "Spring sale 2026" }, initial)).toEqual({ name: "Spring sale 2026" })
  })

  it("sends the audience picked, and its removal", () => {
    const initial = toFormValues({ ...sentCampaign, status: "draft" })
    const picked = { ...initial, segment_id: "mseg_1" }
    expect(toUpdatePayload(picked, initial)).toEqual({ segment_id: "mseg_1" })
    expect(toUpdatePayload({ ...picked, segment_id: null }, toFormValues({ ...sentCampaign, segment_id: "mseg_1" }))).toEqual({
      segment_id: null,
    })
    expect(toCreatePayload(values({ name: "Flash sale", segment_id: "mseg_1" }))).toEqual({
      name: "Flash sale",
      channel: "email",
      segment_id: "mseg_1",
    })
  })

  it("clears the send time when a campaign becomes recurring, and sends the timezone it keeps", () => {
    const initial = toFormValues({ ...sentCampaign, status: "draft" })
    expect(
      toUpdatePayload({ ...initial, schedule_type: "recurring", schedule_cron: "0 9 * * 1" }, initial)
    ).toEqual({ scheduled_at: null, schedule_cron: "0 9 * * 1", schedule_timezone: "UTC" })
  })
})

describe("email content", () => {
  const heading = { type: "heading" as const, text: "Spring" }
  const blocksCampaign = { ...sentCampaign, status: "draft", blocks: [heading], body: "<!doctype html>…" } as AdminCampaign

  it("sends a new email's blocks and no body: the server compiles it", () => {
    expect(toCreatePayload(values({ name: "Spring", blocks: [heading], body: "left from the code view" }))).toEqual({
      name: "Spring",
      channel: "email",
      blocks: [heading],
    })
  })

  it("opens a campaign of blocks in the block editor, and one of HTML in the code view", () => {
    expect(toFormValues(blocksCampaign)).toMatchObject({ content_mode: "blocks", blocks: [heading], body: "" })
    expect(toFormValues(sentCampaign)).toMatchObject({ content_mode: "html", blocks: [], body: "<p>Hello</p>" })
  })

  it("sends blocks only when they hold something else, and HTML in their place from the code view", () => {
    const initial = toFormValues(blocksCampaign)
    expect(toUpdatePayload({ ...initial, blocks: [{ ...heading }] }, initial)).toEqual({})
    expect(toUpdatePayload({ ...initial, blocks: [{ ...heading, text: "Summer" }] }, initial)).toEqual({
      blocks: [{ type: "heading", text: "Summer" }],
    })
    expect(toUpdatePayload({ ...initial, content_mode: "html", body: "<p>By hand</p>" }, initial)).toEqual({
      blocks: null,
      body: "<p>By hand</p>",
    })
  })
})

describe("placeServerErrors", () => {
  it("moves a message about a field the form does not show to the top", () => {
    const recurring = values({ schedule_type: "recurring", schedule_cron: "0 9 * * 1" })
    expect(
      placeServerErrors("Invalid request: scheduled_at must be in the future; budget_amount must not be negative", recurring)
    ).toEqual({
      fields: { scheduled_at: "Must be in the future", budget_amount: "Must not be negative" },
      form: "Must be in the future",
    })
  })
})
