import type { MailboxProvider } from "./mailbox-provider"
import type { CreditingModel } from "./report"

/** How reports name things, in the admin and in PDFs alike. */
export const CREDITING_MODEL_NAMES: Record<CreditingModel, string> = {
  last_click: "Last click",
  last_touch: "Last open or click",
  code: "Code redeemed",
}

export const MAILBOX_PROVIDER_NAMES: Record<MailboxProvider, string> = {
  gmail: "Gmail",
  outlook: "Outlook",
  yahoo: "Yahoo",
  icloud: "iCloud",
  other: "Other",
}
