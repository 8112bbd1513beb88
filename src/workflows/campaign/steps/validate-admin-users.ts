import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

export const validateAdminUsersStepId = "validate-marketing-admin-users"

/** Team members must be existing admin users: a typo must not create a ghost member. */
export const validateAdminUsersStep = createStep(
  validateAdminUsersStepId,
  async (userIds: string[], { container }) => {
    const users = await container.resolve(Modules.USER).listUsers({ id: userIds }, { select: ["id"] })
    const found = new Set(users.map((u: { id: string }) => u.id))
    const missing = userIds.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `user_id: no admin user with id ${missing.map((id) => `'${id}'`).join(", ")}`
      )
    }
  }
)
