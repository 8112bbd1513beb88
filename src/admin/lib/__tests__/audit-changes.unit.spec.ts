import { fieldLabel, formatChangeValue, listChanges, summarizeChanges } from "../audit-changes"

describe("audit changes", () => {
  it("leaves out the raw twin Medusa keeps of an amount", () => {
    const changes = { budget_amount: { from: 1, to: 2 }, raw_budget_amount: { from: { value: "1" }, to: { value: "2" } } }
    expect(listChanges(changes).map(({ field }) => field)).toEqual(["budget_amount"])
  })

  it("names fields as a person reads them", () => {
    expect(fieldLabel("scheduled_at")).toBe("Scheduled at")
    expect(fieldLabel("user_id")).toBe("User ID")
    expect(fieldLabel("dsl")).toBe("DSL")
  })

  it("shows no value for null, empty text and an empty list, and lists and objects as JSON", () => {
    expect([null, undefined, "", []].map(formatChangeValue)).toEqual([null, null, null, null])
    expect(formatChangeValue(["vip"])).toBe('[\n  "vip"\n]')
    expect(formatChangeValue(42)).toBe("42")
  })

  it("summarises one short change in full, and several by their names", () => {
    expect(summarizeChanges({ status: { from: "draft", to: "scheduled" } })).toBe("Status: draft → scheduled")
    expect(summarizeChanges({ description: { from: null, to: "Spring" } })).toBe("Description: – → Spring")
    expect(
      summarizeChanges({
        name: { from: "a", to: "b" },
        subject: { from: "a", to: "b" },
        body: { from: "a", to: "b" },
        channel: { from: "email", to: "sms" },
      })
    ).toBe("Body, Channel, Name +1")
    expect(summarizeChanges(null)).toBeNull()
  })
})
