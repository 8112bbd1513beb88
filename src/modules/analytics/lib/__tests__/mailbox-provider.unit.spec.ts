import { mailboxProvider } from "../mailbox-provider"

describe("mailboxProvider", () => {
  it.each([
    ["gmail.com", "gmail"],
    ["GoogleMail.com", "gmail"],
    ["outlook.com", "outlook"],
    ["hotmail.co.uk", "outlook"],
    ["live.fr", "outlook"],
    ["msn.com", "outlook"],
    ["yahoo.com", "yahoo"],
    ["yahoo.co.jp", "yahoo"],
    ["ymail.com", "yahoo"],
    ["icloud.com", "icloud"],
    ["me.com", "icloud"],
    ["mac.com.", "icloud"],
    ["example.com", "other"],
    ["gmail.com.evil.test", "other"],
    ["notgmail.com", "other"],
    ["mail.me.com.example", "other"],
    ["", "other"],
  ])("%s → %s", (domain, provider) => expect(mailboxProvider(domain)).toBe(provider))
})
