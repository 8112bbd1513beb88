import { AppliedConsentChange } from "../../workflows/audience/steps/record-consents"

/** Audit entries for applied consent changes: each contact's consent before and after. */
export const consentAuditChanges = (applied: AppliedConsentChange[]) =>
  applied.map((change) => ({
    action: "consent",
    resource_type: "marketing_contact",
    resource_id: change.contact_id,
    before: { [`${change.channel}_consent`]: change.previous },
    after: { [`${change.channel}_consent`]: change.status },
  }))
