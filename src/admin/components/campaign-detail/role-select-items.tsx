import { Select } from "@medusajs/ui"
import { CAMPAIGN_ROLES } from "../../lib/campaign-display"

export const RoleSelectItems = () => (
  <>
    {Object.entries(CAMPAIGN_ROLES).map(([role, label]) => (
      <Select.Item key={role} value={role}>
        {label}
      </Select.Item>
    ))}
  </>
)
