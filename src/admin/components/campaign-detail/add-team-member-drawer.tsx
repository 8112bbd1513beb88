import { Drawer, Heading, Select, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import type { CampaignMemberRole } from "../../../types/campaign/module"
import { useUpsertCampaignMember } from "../../hooks/campaign-team"
import { useAdminUsers } from "../../hooks/users"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormField } from "../common/form-field"
import { RoleSelectItems } from "./role-select-items"

interface AddTeamMemberDrawerProps {
  campaign: AdminCampaign
  open: boolean
  onOpenChange: (open: boolean) => void
}

export const AddTeamMemberDrawer = ({ campaign, open, onOpenChange }: AddTeamMemberDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>Add team member</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">Choose an admin user and their role.</Drawer.Description>
      </Drawer.Header>
      <AddTeamMemberForm campaign={campaign} onAdded={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
)

const AddTeamMemberForm = ({ campaign, onAdded }: { campaign: AdminCampaign; onAdded: () => void }) => {
  const { data, isPending: usersLoading } = useAdminUsers()
  const addMember = useUpsertCampaignMember(campaign.id)
  const [userId, setUserId] = useState("")
  const [role, setRole] = useState<CampaignMemberRole>("editor")
  const [error, setError] = useState<string>()

  const memberIds = new Set(campaign.team?.map((member) => member.user_id))
  const candidates = (data?.users ?? []).filter((user) => !memberIds.has(user.id))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!userId) {
      setError("Choose who joins the team")
      return
    }
    addMember.mutate(
      { user_id: userId, role },
      {
        onSuccess: () => {
          toast.success("Team member added")
          onAdded()
        },
        onError: (failure) => setError(failure.message),
      }
    )
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <FormField
          label="User"
          error={error}
          hint={!usersLoading && !candidates.length ? "Every admin user is already on the team." : undefined}
        >
          {(control) => (
            <Select
              value={userId}
              onValueChange={(id) => {
                setUserId(id)
                setError(undefined)
              }}
              disabled={!candidates.length}
            >
              <Select.Trigger {...control}>
                <Select.Value placeholder="Choose a user" />
              </Select.Trigger>
              <Select.Content>
                {candidates.map((user) => (
                  <Select.Item key={user.id} value={user.id}>
                    {user.email}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
        <FormField label="Role">
          {(control) => (
            <Select value={role} onValueChange={(value) => setRole(value as CampaignMemberRole)}>
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <RoleSelectItems />
              </Select.Content>
            </Select>
          )}
        </FormField>
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Add" isSubmitting={addMember.isPending} />
    </form>
  )
}
