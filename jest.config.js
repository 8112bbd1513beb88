const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
  ],
}

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.medusa/", "<rootDir>/.demo/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  ...extra,
})

module.exports = {
  // Suites run one at a time in a worker process that is replaced once it holds this much after a suite:
  // each HTTP suite boots a Medusa app, and one process running them all ran out of heap.
  workerIdleMemoryLimit: "1500MB",
  reporters: ["default", "<rootDir>/scripts/jest-project-times.js"],
  projects: [
    project("unit", ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s", "<rootDir>/demo/**/__tests__/**/*.unit.spec.[jt]s"]),
    project("modules", ["<rootDir>/src/modules/*/__tests__/**/*.module.spec.[jt]s"]),
    project("http", ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"], {
      // Every suite's `api` checks the answers of described routes against the OpenAPI document.
      moduleNameMapper: { "^@medusajs/test-utils$": "<rootDir>/integration-tests/helpers/checked-test-runner.ts" },
    }),
    project("browser", ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"]),
  ],
}
