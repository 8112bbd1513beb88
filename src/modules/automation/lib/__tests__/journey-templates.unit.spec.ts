import { compileSegmentDsl } from "../../../audience/lib/segment-dsl/compile"
import { JOURNEY_TEMPLATES } from "../journey-templates"
import { validateJourney } from "../validate-journey"

describe("journey templates", () => {
  it.each(JOURNEY_TEMPLATES.map((template) => [template.key, template] as const))("%s can go live as it is", (_, template) => {
    const validation = validateJourney(template.definition, compileSegmentDsl)
    expect(validation.problems).toEqual([])
    expect(validation.valid).toBe(true)
  })

  it("offers a blank start and the four flows the issue names, each once", () => {
    expect(JOURNEY_TEMPLATES.map((template) => template.key)).toEqual(["blank", "welcome_series", "abandoned_cart", "post_purchase", "win_back"])
  })
})
