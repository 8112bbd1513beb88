import type { AdminPromotion } from "../../../types/promotions"
import {
  needsCurrency,
  placeServerErrors,
  PromotionFormValues,
  toCreatePayload,
  toFormValues,
  toUpdatePayload,
  validatePromotionForm,
} from "../promotion-form-values"

const empty = toFormValues()
const values = (changes: Partial<PromotionFormValues>): PromotionFormValues => ({ ...empty, ...changes })
const noTarget = { product_ids: [], category_ids: [], collection_ids: [] }

const storedTiers = {
  id: "mpromo_1",
  campaign_id: null,
  name: "Spend more",
  description: null,
  type: "tiered",
  status: "active",
  code_mode: "automatic",
  code: null,
  code_pattern: null,
  value: null,
  currency_code: "eur",
  tiers: [{ threshold: 100, value: 10 }],
  buy_get: null,
  target: noTarget,
  segment_id: "mseg_1",
  customer_group_ids: [],
  min_subtotal: null,
  starts_at: "2026-03-01T00:00:00.000Z",
  ends_at: null,
  usage_limit: 100,
  per_customer_limit: null,
  budget_amount: 500,
  stacking: "stackable",
  priority: 0,
  used_count: 3,
  spent_amount: 30,
  redeemed_count: 2,
  metadata: null,
  created_at: "2026-02-01T00:00:00.000Z",
  updated_at: "2026-02-01T00:00:00.000Z",
} as AdminPromotion

describe("validatePromotionForm", () => {
  it("asks for a name and what the offer needs, leaving how fields combine to the server", () => {
    expect(validatePromotionForm(values({ type: "fixed", value: "" }))).toEqual({
      name: "Enter a name",
      value: "Enter the amount off",
    })
    // A fixed amount without its currency is the server's to refuse.
    expect(validatePromotionForm(values({ name: "Five off", type: "fixed", value: "5" }))).toEqual({})
  })

  it("checks tiers, buy-get quantities and limits as numbers", () => {
    expect(
      validatePromotionForm(
        values({
          name: "Tiers",
          type: "tiered",
          tiers: [{ threshold: "100", value: "" }],
          usage_limit: "1.5",
          budget_amount: "-1",
        })
      )
    ).toEqual({
      tiers: "Enter a spend and an amount off for every tier",
      usage_limit: "Enter a whole number of 1 or more",
      budget_amount: "Enter an amount of 0 or more",
    })
    expect(validatePromotionForm(values({ name: "Bogo", type: "buy_get", buy_quantity: "2", get_quantity: "0" }))).toEqual({
      "buy_get.get_quantity": "Enter a whole number of 1 or more",
    })
  })
})

describe("toCreatePayload", () => {
  it("sends only what applies to the type and redemption, and leaves empty fields to the server", () => {
    expect(
      toCreatePayload(
        values({
          name: " Spring ",
          type: "fixed",
          value: "5",
          currency_code: "EUR",
          code_mode: "unique",
          code: "IGNORED",
          code_pattern: "SPRING-XXXXXX",
          tiers: [{ threshold: "1", value: "1" }],
          usage_limit: "100",
        })
      )
    ).toEqual({
      name: "Spring",
      type: "fixed",
      code_mode: "unique",
      code_pattern: "SPRING-XXXXXX",
      value: 5,
      currency_code: "EUR",
      target: noTarget,
      customer_group_ids: [],
      usage_limit: 100,
      stacking: "stackable",
      priority: 0,
    })
  })

  it("makes spend tiers automatic, whatever redemption was chosen before", () => {
    const payload = toCreatePayload(
      values({ name: "Tiers", type: "tiered", code_mode: "shared", code: "X", currency_code: "EUR", tiers: [{ threshold: "50", value: "5" }] })
    )
    expect(payload).toMatchObject({ code_mode: "automatic", tiers: [{ threshold: 50, value: 5 }] })
    expect(payload).not.toHaveProperty("code")
  })

  it("builds the buy-get rule from its inputs", () => {
    const target = { product_ids: ["prod_1"], category_ids: [], collection_ids: [] }
    expect(
      toCreatePayload(
        values({ name: "Bogo", type: "buy_get", buy_quantity: "2", buy_target: target, get_quantity: "1", get_target: target })
      ).buy_get
    ).toEqual({ buy_quantity: 2, buy_target: target, get_quantity: 1, get_target: target, get_percentage: 100 })
  })
})

describe("toUpdatePayload", () => {
  it("sends only the fields that changed, lists and dates compared by value", () => {
    const initial = toFormValues(storedTiers)
    expect(toUpdatePayload({ ...initial, tiers: [{ threshold: "100", value: "10" }] }, initial)).toEqual({})
    expect(toUpdatePayload({ ...initial, name: "Spend more, save more", budget_amount: "" }, initial)).toEqual({
      name: "Spend more, save more",
      budget_amount: null,
    })
  })
})

describe("placeServerErrors", () => {
  it("shows each problem under its field, parts of tiers under the tiers", () => {
    expect(
      placeServerErrors(
        "currency_code: a fixed amount needs its currency; tiers.threshold must not be negative",
        values({ type: "tiered" })
      )
    ).toEqual({
      fields: {
        currency_code: "A fixed amount needs its currency",
        "tiers.threshold": "Must not be negative",
        tiers: "Must not be negative",
      },
      form: undefined,
    })
  })

  it("moves a message about a field the form does not show to the top", () => {
    expect(placeServerErrors("code: a shared-code promotion needs its code", values({ code_mode: "automatic" }))).toEqual({
      fields: { code: "A shared-code promotion needs its code" },
      form: "A shared-code promotion needs its code",
    })
  })
})

describe("needsCurrency", () => {
  it("asks for the currency once an amount of the form is money: a fixed amount, tiers, a minimum spend or a budget", () => {
    expect(needsCurrency(values({ type: "percentage" }))).toBe(false)
    expect(needsCurrency(values({ type: "free_shipping", min_subtotal: " " }))).toBe(false)
    expect(needsCurrency(values({ type: "fixed" }))).toBe(true)
    expect(needsCurrency(values({ type: "tiered" }))).toBe(true)
    expect(needsCurrency(values({ type: "percentage", budget_amount: "500" }))).toBe(true)
    expect(needsCurrency(values({ type: "buy_get", min_subtotal: "20" }))).toBe(true)
  })
})
