/**
 * Sets environment variables for one suite, restored after it. Medusa's test runner loads
 * medusa-config before it applies its own `env` option, so what the config reads is set here.
 */
export function useEnv(vars: Record<string, string>) {
  const before = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]))
  Object.assign(process.env, vars)
  afterAll(() => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })
}
