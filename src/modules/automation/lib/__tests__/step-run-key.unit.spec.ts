import { parseStepRunKey, parseTestRunKey, stepRunKey, testRunKey } from "../step-run-key"

describe("step run keys", () => {
  it("read back the enrollment, step and sequence they were made of", () => {
    expect(parseStepRunKey(stepRunKey("mjenr_01ABC", "welcome-mail_2", 12))).toEqual({ enrollment_id: "mjenr_01ABC", step_id: "welcome-mail_2", sequence: 12 })
  })

  it.each([
    ["a campaign message's key", "mcamp_1:mcon_1:email:once"],
    ["a test send's key", "test:mcamp_1:1733456789"],
    ["a key without its sequence", "journey:mjenr_1:welcome"],
    ["a key with a sequence that is not a number", "journey:mjenr_1:welcome:x"],
  ])("are told apart from %s", (_, key) => {
    expect(parseStepRunKey(key)).toBeNull()
  })
})

describe("test run keys", () => {
  it("read back the run, version, step and sequence they were made of", () => {
    expect(parseTestRunKey(testRunKey("0f6c-41d2", "mjver_01ABC", "welcome-mail_2", 3))).toEqual({
      run_id: "0f6c-41d2",
      version_id: "mjver_01ABC",
      step_id: "welcome-mail_2",
      sequence: 3,
    })
  })

  it("are told apart from step run keys, and step run keys from them", () => {
    expect(parseTestRunKey(stepRunKey("mjenr_01ABC", "welcome", 0))).toBeNull()
    expect(parseStepRunKey(testRunKey("run", "mjver_01ABC", "welcome", 0))).toBeNull()
    expect(parseTestRunKey("test:mcamp_1:1733456789")).toBeNull()
  })
})
