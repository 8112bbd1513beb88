import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgStatement } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { CampaignStatus } from "../../types/campaign/module"
import CampaignMember from "./models/campaign-member"
import CampaignTemplate from "./models/campaign-template"
import MarketingCampaign from "./models/campaign"
import { CHANGE_CAMPAIGN_STATUS_IF_STILL } from "./statements"

export default class CampaignModuleService extends MedusaService({
  MarketingCampaign,
  CampaignMember,
  CampaignTemplate,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.options_ = parsePluginOptions(options)
  }

  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Moves a campaign from `from` to `to` only if it is still in `from`, in one statement: concurrent
   * changes of one campaign (two admins, two delivery workers in different processes) queue on its
   * row, and only the first still finds it in `from`. True when this call moved it. A given
   * `last_occurrence_at` is set with the status.
   */
  @InjectManager()
  async changeStatusIfStill(
    { id, from, to, last_occurrence_at }: { id: string; from: CampaignStatus; to: CampaignStatus; last_occurrence_at?: Date | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<boolean> {
    const { rowCount } = await pgStatement(
      context,
      CHANGE_CAMPAIGN_STATUS_IF_STILL,
      [id, from, to, last_occurrence_at !== undefined, last_occurrence_at ?? null]
    )
    return rowCount === 1
  }
}
