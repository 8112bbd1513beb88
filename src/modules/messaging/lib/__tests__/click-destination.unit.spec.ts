import { clickDestination } from "../click-destination"

const STORE = "https://shop.example.com"

describe("clickDestination", () => {
  it.each([
    ["a storefront link", "https://shop.example.com/products/boot", STORE, "https://shop.example.com/products/boot?mkt_click=TOKEN"],
    ["a storefront link with a query and a fragment", "https://shop.example.com/s?q=a#top", STORE, "https://shop.example.com/s?q=a&mkt_click=TOKEN#top"],
    ["a storefront link that already has a token", "https://shop.example.com/?mkt_click=OLD", STORE, "https://shop.example.com/?mkt_click=TOKEN"],
    ["the storefront's origin with a path in the option", "https://shop.example.com/sale", `${STORE}/en`, "https://shop.example.com/sale?mkt_click=TOKEN"],
    ["another site", "https://instagram.com/northwind", STORE, "https://instagram.com/northwind"],
    ["the storefront's host on another scheme", "http://shop.example.com/", STORE, "http://shop.example.com/"],
    ["a subdomain", "https://blog.shop.example.com/", STORE, "https://blog.shop.example.com/"],
    ["a mailto link", "mailto:help@example.com", STORE, "mailto:help@example.com"],
    ["any link when no storefront is configured", "https://shop.example.com/", null, "https://shop.example.com/"],
  ])("%s", (_, url, storefront, expected) => {
    expect(clickDestination(url, "TOKEN", storefront)).toBe(expected)
  })
})
