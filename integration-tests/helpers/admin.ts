import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { AxiosInstance } from "axios"

export type AdminSession = {
  user: { id: string; email: string }
  headers: { headers: { authorization: string } }
}

const decode = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))

/**
 * Registers a real admin user through Medusa's own auth routes, gives it RBAC roles when asked
 * (they are read into the token at login), and logs it in.
 */
export async function createAdminSession(
  api: AxiosInstance,
  container: MedusaContainer,
  email = "admin@marketing.test",
  { password = "admin-password-1", roles = [] as string[] } = {}
): Promise<AdminSession> {
  const registered = await api.post("/auth/user/emailpass/register", { email, password })
  const { auth_identity_id } = decode(registered.data.token)
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: auth_identity_id, userData: { email, first_name: "Ada", last_name: email.split("@")[0] } },
  })
  if (roles.length) {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create(
      roles.map((rbac_role_id) => ({ [Modules.USER]: { user_id: user.id }, [Modules.RBAC]: { rbac_role_id } }))
    )
  }
  const login = await api.post("/auth/user/emailpass", { email, password })
  return {
    user: { id: user.id, email },
    headers: { headers: { authorization: `Bearer ${login.data.token}` } },
  }
}
