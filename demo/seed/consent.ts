// Who agreed to marketing. Contacts made from customers start without consent, and nothing may be
// sent to them until they give it: about half signed up for email, a few declined, some agreed to
// texts as well. Written to the audience module in bulk, with the consent history a sign-up leaves.
import { MedusaContainer } from "@medusajs/framework/types"
import AudienceModuleService from "../../src/modules/audience/service"
import { ConsentChannel, ConsentStatus } from "../../src/types/audience/module"
import { MarketingModule } from "../../src/types/modules"
import { chance, faker } from "./random"

type Consent = { channel: ConsentChannel; status: ConsentStatus }

const EMAIL_YES: Consent = { channel: "email", status: "subscribed" }
const EMAIL_NO: Consent = { channel: "email", status: "unsubscribed" }
const SMS_YES: Consent = { channel: "sms", status: "subscribed" }

/** One contact's answers: yes or no to email (or never asked), and now and then yes to texts. */
function drawConsents(): Consent[] {
  const email = faker.number.float()
  return [...(email < 0.5 ? [EMAIL_YES] : email < 0.56 ? [EMAIL_NO] : []), ...(chance(0.15) ? [SMS_YES] : [])]
}

export async function seedConsent(container: MedusaContainer): Promise<{ email: number; sms: number }> {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  // By email, not id: ids are random, and the draws must fall on the same contacts on every machine.
  const contacts: { id: string }[] = await audience.listContacts({}, { select: ["id"], order: { email: "ASC" } })
  const given = contacts.flatMap(({ id }) => drawConsents().map((consent) => ({ contact_id: id, ...consent })))
  await audience.createConsentRecords(given.map((consent) => ({ ...consent, source: "signup" })))

  const idsOf = (answer: Consent) =>
    given.filter((c) => c.channel === answer.channel && c.status === answer.status).map((c) => c.contact_id)
  // One update per answer rather than one per contact.
  for (const answer of [EMAIL_YES, EMAIL_NO, SMS_YES]) {
    await audience.updateContacts({ selector: { id: idsOf(answer) }, data: { [`${answer.channel}_consent`]: answer.status } })
  }
  return { email: idsOf(EMAIL_YES).length, sms: idsOf(SMS_YES).length }
}
