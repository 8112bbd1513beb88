// 3,000 customers with a default address in the region, who signed up over the past two years.
// Addresses are made up and every email is at an example.* domain, so no real person can be mailed.
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { backdate } from "./backdate"
import { chance, dateBetween, faker } from "./random"
import { COUNTRIES } from "./store"

const CUSTOMERS = 3_000
const BATCH = 500
const SIGNUPS_SINCE_DAYS = 730

export type DemoAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  phone: string
}

export type DemoCustomer = {
  id: string
  email: string
  address: DemoAddress
  signedUpAt: Date
}

// Bigger markets first: Germany gets the most customers, Ireland the fewest.
const pickCountry = () =>
  faker.helpers.weightedArrayElement(COUNTRIES.map((value, rank) => ({ value, weight: COUNTRIES.length - rank })))

function makeCustomer(index: number, signupsSince: Date, now: Date) {
  const first_name = faker.person.firstName()
  const last_name = faker.person.lastName()
  const address: DemoAddress = {
    first_name,
    last_name,
    address_1: faker.location.streetAddress(),
    city: faker.location.city(),
    postal_code: faker.location.zipCode("#####"),
    country_code: pickCountry(),
    phone: faker.phone.number({ style: "international" }),
  }
  const provider = faker.helpers.arrayElement(["example.com", "example.org", "example.net"])
  return {
    // The index keeps emails unique however often faker repeats a name.
    email: faker.internet.email({ firstName: first_name, lastName: `${last_name}${index}`, provider }).toLowerCase(),
    first_name,
    last_name,
    phone: address.phone,
    has_account: chance(0.7),
    address,
    signedUpAt: dateBetween(signupsSince, now),
  }
}

export async function seedCustomers(container: MedusaContainer): Promise<DemoCustomer[]> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const now = new Date()
  const signupsSince = new Date(now.getTime() - SIGNUPS_SINCE_DAYS * 86_400_000)
  const planned = Array.from({ length: CUSTOMERS }, (_, index) => makeCustomer(index, signupsSince, now))

  const customers: DemoCustomer[] = []
  for (let start = 0; start < planned.length; start += BATCH) {
    const batch = planned.slice(start, start + BATCH)
    const created = await customerModule.createCustomers(
      batch.map(({ address, signedUpAt, ...customer }) => ({
        ...customer,
        addresses: [{ ...address, is_default_shipping: true, is_default_billing: true }],
      }))
    )
    const idByEmail = new Map(created.map((c) => [c.email, c.id]))
    for (const { email, address, signedUpAt } of batch) {
      customers.push({ id: idByEmail.get(email)!, email, address, signedUpAt })
    }
  }
  await backdate(container, "customer", customers.map((c) => ({ id: c.id, created_at: c.signedUpAt })))
  return customers
}
