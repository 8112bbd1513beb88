export * from "./audience"
export * from "./audit"
export * from "./campaign"
export * from "./modules"
