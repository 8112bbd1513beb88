// Stands in for "@medusajs/test-utils" in the HTTP suites (jest.config.js maps it here): the same
// runner, whose `api` also checks every answer of a described route against the OpenAPI document.
import type { AxiosError, AxiosInstance, AxiosResponse } from "axios"
import { openApiMismatch } from "./openapi-responses"

const testUtils = require("@medusajs/test-utils/dist/index.js")

module.exports = {
  ...testUtils,
  medusaIntegrationTestRunner: (options: { testSuite: (suite: { api: AxiosInstance }) => void }) =>
    testUtils.medusaIntegrationTestRunner({
      ...options,
      testSuite: (suite: { api: AxiosInstance }) => {
        const mismatches: string[] = []
        // The test that made a request: its answer may arrive, and be checked, while another test runs.
        const requestedBy = new WeakMap<object, string>()
        const check = (response?: AxiosResponse) => {
          const mismatch = response && openApiMismatch(response)
          if (mismatch) mismatches.push(`requested by "${requestedBy.get(response.config) ?? "the suite's set-up"}": ${mismatch}`)
        }
        const reportMismatches = () => {
          const found = mismatches.splice(0)
          if (found.length) throw new Error(`Responses that differ from openapi.json:\n${found.join("\n\n")}`)
        }
        // Runs after the runner's own beforeAll, which creates the api's axios instance.
        beforeAll(() => {
          suite.api.interceptors.request.use((config) => {
            // The runner wraps the suite in describe(""): the name starts with a space.
            const test = expect.getState().currentTestName?.trim()
            if (test) requestedBy.set(config, test)
            return config
          })
          suite.api.interceptors.response.use(
            (response) => (check(response), response),
            (error: AxiosError) => (check(error.response), Promise.reject(error))
          )
        })
        // A test that catches a refusal still fails when the refusal's body is not as described.
        afterEach(reportMismatches)
        // Answers that came after the last test's end.
        afterAll(reportMismatches)
        return options.testSuite(suite)
      },
    }),
}
