export * from "./steps/process-contact-import"
export * from "./workflows/contact-imports"
