// The admin the demo prints on start: an emailpass login like one made with `medusa user`, so the
// admin dashboard and the API accept it like any other.
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export async function seedAdminUser(container: MedusaContainer, email: string, password: string): Promise<string> {
  const { authIdentity, error } = await container
    .resolve(Modules.AUTH)
    .register("emailpass", { body: { email, password } })
  if (!authIdentity) throw new Error(`Could not register the demo admin ${email}: ${error}`)
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Demo", last_name: "Marketer" } },
  })
  return user.id
}
