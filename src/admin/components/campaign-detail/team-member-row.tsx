import { Trash } from "@medusajs/icons"
import { Avatar, Select, Text, toast, usePrompt } from "@medusajs/ui"
import type { AdminCampaign, AdminCampaignMember } from "../../../types/http/campaign"
import type { CampaignMemberRole } from "../../../types/campaign/module"
import { useRemoveCampaignMember, useUpsertCampaignMember } from "../../hooks/campaign-team"
import { CAMPAIGN_ROLES } from "../../lib/campaign-display"
import { ActionMenu } from "../common/action-menu"
import { RoleSelectItems } from "./role-select-items"

interface TeamMemberRowProps {
  campaign: AdminCampaign
  member: AdminCampaignMember
}

export const TeamMemberRow = ({ campaign, member }: TeamMemberRowProps) => {
  const prompt = usePrompt()
  const changeRole = useUpsertCampaignMember(campaign.id)
  const remove = useRemoveCampaignMember(campaign.id)
  const email = member.user?.email ?? member.user_id
  const name = [member.user?.first_name, member.user?.last_name].filter(Boolean).join(" ")

  const handleRoleChange = (role: string) =>
    changeRole.mutate(
      { user_id: member.user_id, role: role as CampaignMemberRole },
      {
        onSuccess: () => toast.success(`${email} is now ${CAMPAIGN_ROLES[role as CampaignMemberRole].toLowerCase()}`),
        onError: (error) => toast.error("Could not change the role", { description: error.message }),
      }
    )

  const handleRemove = async () => {
    const confirmed = await prompt({
      title: "Remove from team?",
      description: `${email} will no longer work on "${campaign.name}".`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    remove.mutate(member.user_id, {
      onSuccess: () => toast.success(`${email} was removed from the team`),
      onError: (error) => toast.error("Could not remove the member", { description: error.message }),
    })
  }

  return (
    <div className="grid grid-cols-[1fr_120px_28px] items-center gap-x-3 px-6 py-3">
      <div className="flex min-w-0 items-center gap-x-3">
        <Avatar size="xsmall" fallback={(name || email).charAt(0).toUpperCase()} />
        <div className="min-w-0">
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {name || email}
          </Text>
          {name && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
              {email}
            </Text>
          )}
        </div>
      </div>
      <Select size="small" value={member.role} onValueChange={handleRoleChange} disabled={changeRole.isPending}>
        <Select.Trigger aria-label={`Role of ${email}`}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <RoleSelectItems />
        </Select.Content>
      </Select>
      <ActionMenu
        label={`Actions for ${email}`}
        groups={[[{ label: "Remove", icon: <Trash />, onClick: handleRemove }]]}
      />
    </div>
  )
}
