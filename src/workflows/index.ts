export * from "./audit"
export * from "./campaign"
export * from "./rbac"
export * from "./segment"
