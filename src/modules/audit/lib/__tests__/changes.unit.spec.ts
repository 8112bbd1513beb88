import { fieldChanges, REDACTED, redact } from "../changes"

describe("audit field changes", () => {
  it("lists only the fields that changed", () => {
    expect(
      fieldChanges(
        { id: "c1", name: "Old", body: "same", budget_amount: 10, updated_at: new Date(1) },
        { id: "c1", name: "New", body: "same", budget_amount: 12, updated_at: new Date(2) }
      )
    ).toEqual({ name: { from: "Old", to: "New" }, budget_amount: { from: 10, to: 12 } })
  })

  it("returns null when nothing changed", () => {
    expect(fieldChanges({ name: "A" }, { name: "A" })).toBeNull()
  })

  it("treats a creation as every field going from null", () => {
    expect(fieldChanges(null, { id: "c1", name: "New", description: null, created_at: new Date() })).toEqual({
      name: { from: null, to: "New" },
    })
  })

  it("treats a deletion as every field going to null", () => {
    expect(fieldChanges({ id: "c1", name: "Gone", status: "draft" }, null)).toEqual({
      name: { from: "Gone", to: null },
      status: { from: "draft", to: null },
    })
  })

  it("compares only the fields both versions carry", () => {
    expect(fieldChanges({ name: "A", team: [{ id: 1 }] }, { name: "B" })).toEqual({ name: { from: "A", to: "B" } })
  })

  it("compares dates by instant and nested values by content", () => {
    expect(fieldChanges({ at: new Date("2026-01-01T00:00:00Z") }, { at: "2026-01-01T00:00:00.000Z" })).toBeNull()
    expect(fieldChanges({ metadata: { a: 1 } }, { metadata: { a: 1 } })).toBeNull()
    expect(fieldChanges({ metadata: { a: 1 } }, { metadata: { a: 2 } })).toEqual({
      metadata: { from: { a: 1 }, to: { a: 2 } },
    })
  })

  it.each(["password", "api_key", "apiKey", "webhook_secret", "auth_token", "private_key", "smtp_credentials", "Authorization"])(
    "redacts %s, top-level or nested",
    (key) => {
      expect(fieldChanges({ [key]: "old-value" }, { [key]: "new-value" })).toEqual({
        [key]: { from: REDACTED, to: REDACTED },
      })
      expect(fieldChanges({ metadata: { [key]: "a" } }, { metadata: { [key]: "b", keep: 1 } })).toEqual({
        metadata: { from: { [key]: REDACTED }, to: { [key]: REDACTED, keep: 1 } },
      })
    }
  )

  it("says when a secret was set or cleared without saying what it was", () => {
    expect(fieldChanges({ api_key: null }, { api_key: "k" })).toEqual({ api_key: { from: null, to: REDACTED } })
    expect(fieldChanges({ api_key: "k" }, { api_key: null })).toEqual({ api_key: { from: REDACTED, to: null } })
  })

  it("redacts inside arrays", () => {
    expect(redact([{ token: "t", name: "n" }])).toEqual([{ token: REDACTED, name: "n" }])
  })
})

describe("audit redaction", () => {
  it("keeps ordinary fields that merely resemble secret names", () => {
    expect(fieldChanges({ author_id: "a" }, { author_id: "b" })).toEqual({ author_id: { from: "a", to: "b" } })
  })
})
