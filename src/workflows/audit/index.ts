export * from "./steps/record-audit-entries"
export * from "./steps/prune-audit-entries"
export * from "./workflows/prune-audit-entries"
