export * from "./record-order-purchases"
export * from "./retrieve-orders"
export * from "./sync-contacts-from-customers"
