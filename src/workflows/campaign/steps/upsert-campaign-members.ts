import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { CampaignMemberDTO, UpsertCampaignMemberDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"

export const upsertCampaignMembersStepId = "upsert-marketing-campaign-members"

/** Adds users to campaign teams, or changes the role of those already on them. */
export const upsertCampaignMembersStep = createStep(
  upsertCampaignMembersStepId,
  async (data: UpsertCampaignMemberDTO[], { container }) => {
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const existing = await service.listCampaignMembers({
      $or: data.map(({ campaign_id, user_id }) => ({ campaign_id, user_id })),
    })
    const key = (m: { campaign_id: string; user_id: string }) => `${m.campaign_id}:${m.user_id}`
    const byKey = new Map(existing.map((m) => [key(m), m]))

    const toUpdate = data.filter((m) => byKey.has(key(m)))
    const toCreate = data.filter((m) => !byKey.has(key(m)))
    const updated = toUpdate.length
      ? await service.updateCampaignMembers(
          toUpdate.map((m) => ({ id: byKey.get(key(m))!.id, role: m.role }))
        )
      : []
    const created = toCreate.length
      ? await service.createCampaignMembers(
          toCreate.map(({ campaign_id, user_id, role }) => ({ campaign: campaign_id, user_id, role }))
        )
      : []
    return new StepResponse([...updated, ...created] as unknown as CampaignMemberDTO[], {
      created: created.map((m: { id: string }) => m.id),
      previousRoles: toUpdate.map((m) => ({ id: byKey.get(key(m))!.id, role: byKey.get(key(m))!.role })),
    })
  },
  async (revert, { container }) => {
    if (!revert) return
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    if (revert.created.length) await service.deleteCampaignMembers(revert.created)
    if (revert.previousRoles.length) await service.updateCampaignMembers(revert.previousRoles)
  }
)
