export * from "./record-orders"
export * from "./sync-contacts-from-customers"
