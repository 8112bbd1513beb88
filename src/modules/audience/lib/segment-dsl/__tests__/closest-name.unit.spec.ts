import { closestName, editDistance } from "../closest-name"

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["orders_count", "order_count", 1],
    ["flaw", "lawn", 2],
    ["same", "same", 0],
    ["emial", "email", 1],
    ["ab", "ba", 1],
  ])("%s → %s takes %i edits", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })
})

describe("closestName", () => {
  const fields = ["email", "first_name", "last_name", "orders_count", "total_spent", "last_order_at", "segment"]

  it("finds the field a typo meant", () => {
    expect(closestName("ordrs_count", fields)).toBe("orders_count")
    expect(closestName("order_count", fields)).toBe("orders_count")
    expect(closestName("EMAIL", fields)).toBe("email")
    expect(closestName("emial", fields)).toBe("email")
    expect(closestName("last_ordr_at", fields)).toBe("last_order_at")
  })

  it("prefers the nearest of two close names", () => {
    expect(closestName("last_nme", fields)).toBe("last_name")
    expect(closestName("first_nam", fields)).toBe("first_name")
  })

  it("suggests nothing for a name unlike any field", () => {
    expect(closestName("colour", fields)).toBeNull()
    expect(closestName("favourite", fields)).toBeNull()
    expect(closestName("x", fields)).toBeNull()
  })
})
