export * from "./campaign"
export * from "./modules"
