import fc from "fast-check"
import { allocate, allocateMinor, currencyDigits, formatMoney, roundMoney } from "../money"

describe("currencyDigits", () => {
  it.each([
    ["JPY", 0],
    ["KRW", 0],
    ["EUR", 2],
    ["usd", 2],
    ["KWD", 3],
    ["BHD", 3],
    ["CLF", 4],
    ["XYZ", 2],
    ["EURO", 2],
    ["", 2],
  ])("%p has %i digits", (code, digits) => {
    expect(currencyDigits(code)).toBe(digits)
  })
})

describe("roundMoney", () => {
  it.each([
    // half away from zero at two digits, including values binary floats store just below the half
    [0.125, "EUR", 0.13],
    [1.005, "EUR", 1.01],
    [1.015, "EUR", 1.02],
    [2.675, "EUR", 2.68],
    [1.004999, "EUR", 1],
    [-0.125, "EUR", -0.13],
    [-1.005, "EUR", -1.01],
    [0.1 + 0.2, "EUR", 0.3],
    [-0.001, "EUR", 0],
    [12, "EUR", 12],
    // no digits
    [2.5, "JPY", 3],
    [3.5, "JPY", 4],
    [-2.5, "JPY", -3],
    [1249.49, "JPY", 1249],
    // three digits
    [1.0005, "KWD", 1.001],
    [1.2344, "KWD", 1.234],
    [-1.0005, "KWD", -1.001],
    // exponent notation in and out
    [1e-7, "EUR", 0],
    [1.5e-3, "KWD", 0.002],
    [123456789.125, "EUR", 123456789.13],
  ])("roundMoney(%p, %p) is %p", (amount, code, expected) => {
    expect(roundMoney(amount, code)).toBe(expected)
  })

  it("never returns -0", () => {
    expect(Object.is(roundMoney(-0.004, "EUR"), 0)).toBe(true)
  })

  it.each([NaN, Infinity, -Infinity])("refuses %p", (amount) => {
    expect(() => roundMoney(amount, "EUR")).toThrow(RangeError)
  })
})

describe("allocate", () => {
  it.each([
    ["evenly", 10, [1, 1], "EUR", [5, 5]],
    ["a cent that does not divide: the first of equal remainders gets it", 0.01, [1, 1], "EUR", [0.01, 0]],
    ["thirds", 10, [1, 1, 1], "EUR", [3.34, 3.33, 3.33]],
    ["two cents over three", 0.02, [1, 1, 1], "EUR", [0.01, 0.01, 0]],
    ["the largest remainder wins, not the first", 1, [1, 2], "EUR", [0.33, 0.67]],
    ["by subtotal", 10, [30, 20, 50], "EUR", [3, 2, 5]],
    ["total rounded first", 10.005, [1, 1], "EUR", [5.01, 5]],
    ["no digits", 100, [1, 1, 1], "JPY", [34, 33, 33]],
    ["no digits, rounded half up", 2.5, [1, 1], "JPY", [2, 1]],
    ["three digits", 1, [1, 1, 1], "KWD", [0.334, 0.333, 0.333]],
    ["a zero weight gets nothing", 5, [0, 1, 1], "EUR", [0, 2.5, 2.5]],
    ["all weights zero split evenly", 1, [0, 0, 0], "EUR", [0.34, 0.33, 0.33]],
    ["negative totals mirror positive ones", -10, [1, 1, 1], "EUR", [-3.34, -3.33, -3.33]],
    ["one part takes it all", 7.77, [3], "EUR", [7.77]],
    ["fractional weights", 1, [0.5, 0.25, 0.25], "EUR", [0.5, 0.25, 0.25]],
    ["nothing over nothing", 0, [], "EUR", []],
  ])("%s: allocate(%p, %p, %p)", (_, total, weights, code, expected) => {
    expect(allocate(total as number, weights as number[], code as string)).toEqual(expected)
  })

  it("splits 100 lines of a prime total exactly", () => {
    const parts = allocate(99.97, Array.from({ length: 100 }, (_, index) => index + 1), "EUR")
    expect(parts).toHaveLength(100)
    expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(9997)
    // line 100 weighs 100/5050 of 99.97 = 1.9796..., so it gets 1.98
    expect(parts[99]).toBe(1.98)
  })

  it.each([
    ["a negative weight", 1, [1, -1]],
    ["a weight that is not a number", 1, [1, NaN]],
    ["an infinite weight", 1, [Infinity]],
    ["money over no parts", 1, []],
  ])("refuses %s", (_, total, weights) => {
    expect(() => allocate(total, weights, "EUR")).toThrow(RangeError)
  })

  it("refuses a total in fractions of a minor unit", () => {
    expect(() => allocateMinor(1.5, [1])).toThrow(RangeError)
  })

  it("always sums to the rounded total, each part within one minor unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        (totalMinor, weights) => {
          const parts = allocateMinor(totalMinor, weights)
          const weightTotal = weights.reduce((a, b) => a + b, 0)
          expect(parts.reduce((a, b) => a + b, 0)).toBe(totalMinor)
          parts.forEach((part, index) => {
            expect(Number.isInteger(part)).toBe(true)
            const exact = weightTotal > 0 ? (totalMinor * weights[index]) / weightTotal : totalMinor / weights.length
            expect(Math.abs(part - exact)).toBeLessThan(1)
          })
        }
      )
    )
  })
})

describe("formatMoney", () => {
  it.each([
    [12.5, "eur", "€12.50"],
    [1250, "JPY", "¥1,250"],
    // Intl puts a no-break space between a currency code and the amount
    [1.25, "KWD", "KWD\u00a01.250"],
    [0.5, "usd", "$0.50"],
  ])("formatMoney(%p, %p) is %p", (amount, code, expected) => {
    expect(formatMoney(amount, code)).toBe(expected)
  })
})
