export * from "./campaign"
