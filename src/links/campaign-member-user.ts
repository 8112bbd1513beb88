import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import CampaignModule from "../modules/campaign"

// Read-only: the member row holds user_id; the link lets query.graph join the native admin user.
export default defineLink(
  { linkable: CampaignModule.linkable.campaignMember, field: "user_id" },
  UserModule.linkable.user,
  { readOnly: true }
)
