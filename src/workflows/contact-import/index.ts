export * from "./steps/fail-stalled-contact-imports"
export * from "./steps/process-contact-import"
export * from "./workflows/contact-imports"
export * from "./workflows/fail-stalled-contact-imports"
