import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CampaignMemberDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import CampaignModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<CampaignModuleService>({
  moduleName: MarketingModule.CAMPAIGN,
  resolve: path.join(__dirname, ".."),
  // The committed migrations, not a schema derived from the models: this also proves they match.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { default_currency_code: "EUR", default_timezone: "Europe/Berlin" },
  testSuite: ({ service }) => {
    const draft = { name: "Spring sale", channel: "email" as const }

    it("creates campaigns as drafts with prefixed ids", async () => {
      const campaign = await service.createMarketingCampaigns(draft)
      expect(campaign).toMatchObject({ id: expect.stringMatching(/^mcamp_/), status: "draft", channel: "email" })
    })

    it("stores budgets as exact decimals", async () => {
      const campaign = await service.createMarketingCampaigns({ ...draft, budget_amount: 1234.56 })
      const [stored] = await service.listMarketingCampaigns({ id: campaign.id })
      expect(stored.budget_amount).toBe(1234.56)
    })

    it("rejects channels and statuses outside the enums", async () => {
      await expect(service.createMarketingCampaigns({ ...draft, channel: "fax" as any })).rejects.toThrow()
      await expect(service.createMarketingCampaigns({ ...draft, status: "launched" as any })).rejects.toThrow()
    })

    it("searches name, description and subject with q", async () => {
      await service.createMarketingCampaigns([
        { ...draft, name: "Winter", description: "cold days" },
        { ...draft, name: "Summer", subject: "Hot deals inside" },
        { ...draft, name: "Autumn" },
      ])
      const names = async (q: string) =>
        (await service.listMarketingCampaigns({ q } as any)).map((c) => c.name).sort()
      expect(await names("cold")).toEqual(["Winter"])
      expect(await names("hot")).toEqual(["Summer"])
      expect(await names("autumn")).toEqual(["Autumn"])
    })

    it("keeps one membership per user and campaign", async () => {
      const campaign = await service.createMarketingCampaigns(draft)
      await service.createCampaignMembers({ campaign: campaign.id, user_id: "user_1", role: "owner" })
      await expect(
        service.createCampaignMembers({ campaign: campaign.id, user_id: "user_1", role: "editor" })
      ).rejects.toThrow()
    })

    it("soft-deletes the team with its campaign and restores both", async () => {
      const campaign = await service.createMarketingCampaigns(draft)
      await service.createCampaignMembers({ campaign: campaign.id, user_id: "user_1", role: "owner" })
      await service.softDeleteMarketingCampaigns([campaign.id])
      expect(await service.listMarketingCampaigns({ id: campaign.id })).toHaveLength(0)
      expect(await service.listCampaignMembers({ campaign_id: campaign.id })).toHaveLength(0)

      await service.restoreMarketingCampaigns([campaign.id])
      const [restored] = await service.listMarketingCampaigns({ id: campaign.id }, { relations: ["team"] })
      expect(restored.team.map((m: CampaignMemberDTO) => m.user_id)).toEqual(["user_1"])
    })

    it("exposes the validated plugin options", () => {
      expect(service.getOptions()).toMatchObject({ default_currency_code: "eur", default_timezone: "Europe/Berlin" })
    })
  },
})

describe("campaign module options", () => {
  it("refuses to start with invalid options", () => {
    expect(() => new CampaignModuleService({} as any, { default_timezone: "Mars/Olympus" })).toThrow(
      "options.default_timezone is not an IANA timezone"
    )
  })
})
