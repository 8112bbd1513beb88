export * from "./steps/plan-marketing-roles"
export * from "./workflows/create-marketing-roles"
