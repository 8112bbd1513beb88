import fc from "fast-check"
import { attributeOrder, codeRedemption, lastClick, lastTouch } from "../attribution"

const DAY = 86_400_000
const placed = new Date("2026-05-10T12:00:00Z")
const before = (ms: number) => new Date(placed.getTime() - ms)
const order = (overrides: Partial<Parameters<typeof lastClick>[0]> = {}) => ({ placed_at: placed, click: null, codes: [], ...overrides })

describe("lastClick", () => {
  it.each([
    ["a click an hour before", 3_600_000, "msg_1"],
    ["a click exactly 7 days before", 7 * DAY, "msg_1"],
    ["a click a moment over 7 days before", 7 * DAY + 1, null],
    ["a click after the order (clock skew)", -1, null],
  ])("%s", (_, ago, expected) => {
    const result = lastClick(order({ click: { message_id: "msg_1", at: before(ago) } }), 7)
    expect(result?.message_id ?? null).toBe(expected)
  })

  it("finds nothing without a click", () => expect(lastClick(order(), 7)).toBeNull())
})

describe("lastTouch", () => {
  it("takes the latest open or click within the window, the order's own click included", () => {
    const touches = [
      { message_id: "msg_open_old", at: before(8 * DAY) },
      { message_id: "msg_open", at: before(2 * DAY) },
      { message_id: "msg_after", at: new Date(placed.getTime() + 1) },
    ]
    expect(lastTouch(order(), touches, 7)?.message_id).toBe("msg_open")
    expect(lastTouch(order({ click: { message_id: "msg_click", at: before(3 * DAY) } }), touches, 7)?.message_id).toBe("msg_open")
    expect(lastTouch(order({ click: { message_id: "msg_click", at: before(DAY) } }), touches, 7)?.message_id).toBe("msg_click")
    expect(lastTouch(order(), touches, 1)).toBeNull()
  })

  it("breaks a tie by the greater message id, as the SQL does", () => {
    const at = before(DAY)
    expect(lastTouch(order(), [{ message_id: "msg_a", at }, { message_id: "msg_b", at }], 7)?.message_id).toBe("msg_b")
    expect(lastTouch(order(), [{ message_id: "msg_b", at }, { message_id: "msg_a", at }], 7)?.message_id).toBe("msg_b")
  })
})

describe("codeRedemption", () => {
  const carriers = [
    { code: "SPRING-1", message_id: "msg_spring", sent_at: before(30 * DAY) },
    { code: "SPRING-1", message_id: "msg_reminder", sent_at: before(3 * DAY) },
    { code: "SUMMER-1", message_id: "msg_summer", sent_at: before(DAY) },
    { code: "SPRING-1", message_id: "msg_later", sent_at: new Date(placed.getTime() + DAY) },
  ]

  it("credits the latest message sent before the order that carried a redeemed code, however long ago, clicked or not", () => {
    expect(codeRedemption(order({ codes: ["SPRING-1"] }), carriers)?.message_id).toBe("msg_reminder")
    expect(codeRedemption(order({ codes: ["SPRING-1", "SUMMER-1"] }), carriers)?.message_id).toBe("msg_summer")
    expect(codeRedemption(order({ codes: ["SPRING-1"] }), carriers.slice(0, 1))?.message_id).toBe("msg_spring")
  })

  it("finds nothing for an order without a carried code", () => {
    expect(codeRedemption(order({ codes: ["OTHER"] }), carriers)).toBeNull()
    expect(codeRedemption(order(), carriers)).toBeNull()
  })
})

describe("attributeOrder", () => {
  it("attributes an order at most once per model, and only to messages it was given", () => {
    const id = fc.constantFrom("msg_1", "msg_2", "msg_3")
    const ago = fc.integer({ min: -DAY, max: 20 * DAY })
    fc.assert(
      fc.property(
        fc.option(fc.record({ message_id: id, ago })),
        fc.array(fc.record({ message_id: id, ago })),
        fc.array(fc.record({ code: fc.constantFrom("A", "B"), message_id: id, ago })),
        fc.subarray(["A", "B"]),
        fc.integer({ min: 1, max: 30 }),
        (click, touches, carriers, codes, days) => {
          const attributions = attributeOrder(
            order({ click: click && { message_id: click.message_id, at: before(click.ago) }, codes }),
            {
              touches: touches.map((t) => ({ message_id: t.message_id, at: before(t.ago) })),
              carriers: carriers.map((c) => ({ code: c.code, message_id: c.message_id, sent_at: before(c.ago) })),
              days,
            }
          )
          const models = attributions.map((a) => a.model)
          expect(new Set(models).size).toBe(models.length)
          const given = new Set<string | undefined>([click?.message_id, ...touches.map((t) => t.message_id), ...carriers.map((c) => c.message_id)])
          for (const a of attributions) expect(given.has(a.message_id)).toBe(true)
          // Last touch sees every click last click sees.
          if (models.includes("last_click")) expect(models).toContain("last_touch")
        }
      )
    )
  })
})
