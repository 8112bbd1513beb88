/** The mailbox providers a campaign report names; every other domain is "other". */
export const MAILBOX_PROVIDERS = ["gmail", "outlook", "yahoo", "icloud", "other"] as const
export type MailboxProvider = (typeof MAILBOX_PROVIDERS)[number]

/** The consumer domains of each provider (their country variants share a prefix, e.g. yahoo.co.uk). */
const DOMAINS: [Exclude<MailboxProvider, "other">, RegExp][] = [
  ["gmail", /^(gmail|googlemail)\.com$/],
  ["outlook", /^(outlook|hotmail|live|msn|windowslive|passport)\.[a-z.]+$/],
  ["yahoo", /^(yahoo|ymail|rocketmail)\.[a-z.]+$/],
  ["icloud", /^(icloud|me|mac)\.com$/],
]

/**
 * The provider behind an email address's domain. Known from the domain alone: a company's own
 * domain hosted by Google or Microsoft counts as "other" (finding out would take a DNS lookup).
 */
export function mailboxProvider(domain: string): MailboxProvider {
  const normalized = domain.trim().toLowerCase().replace(/\.$/, "")
  return DOMAINS.find(([, pattern]) => pattern.test(normalized))?.[0] ?? "other"
}
