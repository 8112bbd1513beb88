export * from "./module"
export * from "./events"
