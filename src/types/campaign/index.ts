export * from "./module"
export * from "./events"
export * from "./http"
