export * from "./create-segment"
export * from "./delete-segments"
export * from "./snapshot-segment"
export * from "./update-segment"
