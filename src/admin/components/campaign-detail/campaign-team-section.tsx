import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import { AddTeamMemberDrawer } from "./add-team-member-drawer"
import { TeamMemberRow } from "./team-member-row"

/** Who works on the campaign, and in which role. */
export const CampaignTeamSection = ({ campaign }: { campaign: AdminCampaign }) => {
  const [isAdding, setIsAdding] = useState(false)
  const team = campaign.team ?? []

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Team</Heading>
        <Button size="small" variant="secondary" onClick={() => setIsAdding(true)}>
          Add
        </Button>
      </div>
      {team.length ? (
        team.map((member) => <TeamMemberRow key={member.id} campaign={campaign} member={member} />)
      ) : (
        <Text size="small" leading="compact" className="text-ui-fg-subtle px-6 py-4">
          Nobody works on this campaign yet.
        </Text>
      )}
      <AddTeamMemberDrawer campaign={campaign} open={isAdding} onOpenChange={setIsAdding} />
    </Container>
  )
}
