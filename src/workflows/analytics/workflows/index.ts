export * from "./rebuild-rollups"
export * from "./refresh-rollups"
export * from "./snapshot-audience"
