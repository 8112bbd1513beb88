export * from "./module"
export * from "./providers"
export * from "./events"
