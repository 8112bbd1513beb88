import { isEndpointUrl, isLocalHttpUrl } from "../endpoint-url"

describe("endpoint URLs", () => {
  it.each(["https://hooks.example.com/marketing", "https://10.0.0.5:8443/in", "http://localhost:4000/hook", "http://127.0.0.1/hook"])(
    "accepts %p",
    (url) => expect(isEndpointUrl(url)).toBe(true)
  )

  it.each(["http://hooks.example.com/marketing", "ftp://example.com", "https://user:pass@example.com", "localhost:4000", "", "not a url"])(
    "refuses %p",
    (url) => expect(isEndpointUrl(url)).toBe(false)
  )

  it("tells http to this machine from anything else", () => {
    expect(isLocalHttpUrl("http://localhost:4000/hook")).toBe(true)
    expect(isLocalHttpUrl("http://[::1]:4000/hook")).toBe(true)
    expect(isLocalHttpUrl("https://localhost:4000/hook")).toBe(false)
    expect(isLocalHttpUrl("http://localhost.example.com/hook")).toBe(false)
  })
})
