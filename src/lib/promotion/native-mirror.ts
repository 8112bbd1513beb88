import { createHash } from "node:crypto"
import { CreateCampaignBudgetDTO, IPromotionModuleService, MedusaContainer, PromotionDTO } from "@medusajs/framework/types"
import { CampaignBudgetType, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import AudienceModuleService from "../../modules/audience/service"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { MarketingPromotionDTO, PromotionCodeMode } from "../../types/promotion/module"
import type { AcceptedCode } from "./check-cart-codes"
import { MirroredPromotion, MirrorContext, nativeCampaignBudget, nativePromotionInputs } from "./native-promotion-input"
import { asTerms } from "./promotion-terms"

/** The native metadata key holding a hash of the mirrored terms: equal hashes need no rebuild. */
const TERMS_HASH_KEY = "marketing_terms_hash"

type NativePromotions = IPromotionModuleService & {
  softDeletePromotions(ids: string[]): Promise<void>
  restorePromotions(ids: string[]): Promise<void>
  softDeleteCampaigns(ids: string[]): Promise<void>
  restoreCampaigns(ids: string[]): Promise<void>
}

/** What a mirror changed, so that a failed workflow can put it back. */
export interface MirrorChanges {
  created_campaign_ids: string[]
  campaigns_before: {
    id: string
    name: string
    starts_at: Date | null
    ends_at: Date | null
    budget?: { limit: number | null }
  }[]
  deleted_campaign_ids: string[]
  created_promotion_ids: string[]
  deleted_promotion_ids: string[]
  status_before: { id: string; status: PromotionDTO["status"] }[]
}

export const noMirrorChanges = (): MirrorChanges => ({
  created_campaign_ids: [],
  campaigns_before: [],
  deleted_campaign_ids: [],
  created_promotion_ids: [],
  deleted_promotion_ids: [],
  status_before: [],
})

const termsHash = (input: object) => createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 32)

const nativeService = (container: MedusaContainer) => container.resolve<NativePromotions>(Modules.PROMOTION)

type NativeBudget = { id: string; type: string; limit: unknown; attribute?: string | null; currency_code?: string | null }

const sameBudgetKind = (existing: NativeBudget | null | undefined, wanted: CreateCampaignBudgetDTO | null) =>
  (existing?.type ?? null) === (wanted?.type ?? null) &&
  (existing?.attribute ?? null) === (wanted?.attribute ?? null) &&
  (existing?.currency_code ?? null) === (wanted?.currency_code ?? null)

/**
 * The native campaign that carries a marketing promotion's validity window and budget (created on
 * first use). Medusa keeps a budget's kind immutable: when the kind changes, the campaign is retired
 * and a new one made, its spend seeded from the ledger's redemptions so that the backstop goes on
 * counting what was already spent. Returns the campaign, and the retired one whose promotions the
 * caller moves.
 */
async function mirrorCampaign(container: MedusaContainer, promotion: MirroredPromotion, changes: MirrorChanges) {
  const native = nativeService(container)
  let [existing] = await native.listCampaigns({ campaign_identifier: [promotion.id] }, { relations: ["budget"] })
  const wanted = { name: `Marketing: ${promotion.name}`, starts_at: promotion.starts_at, ends_at: promotion.ends_at }
  const budget = nativeCampaignBudget(promotion)
  let retired_campaign_id: string | null = null
  if (existing && !sameBudgetKind(existing.budget as NativeBudget | null, budget)) {
    await native.softDeleteCampaigns([existing.id])
    changes.deleted_campaign_ids.push(existing.id)
    retired_campaign_id = existing.id
    existing = undefined as any
  }
  if (!existing) {
    const seeded = budget?.type === CampaignBudgetType.SPEND ? { ...budget, used: await redeemedSpend(container, promotion.id) } : budget
    const created = await native.createCampaigns({ ...wanted, campaign_identifier: promotion.id, ...(seeded ? { budget: seeded } : {}) })
    changes.created_campaign_ids.push(created.id)
    return { campaign_id: created.id, retired_campaign_id }
  }
  const budgetLimit = existing.budget ? Number((existing.budget as NativeBudget).limit) : null
  const same =
    existing.name === wanted.name &&
    sameTime(existing.starts_at, wanted.starts_at) &&
    sameTime(existing.ends_at, wanted.ends_at) &&
    budgetLimit === (budget?.limit ?? null)
  if (!same) {
    changes.campaigns_before.push({
      id: existing.id,
      name: existing.name!,
      starts_at: (existing.starts_at as Date | null) ?? null,
      ends_at: (existing.ends_at as Date | null) ?? null,
      ...(budget ? { budget: { limit: budgetLimit } } : {}),
    })
    await native.updateCampaigns({ id: existing.id, ...wanted, ...(budget ? { budget: { limit: budget.limit } } : {}) })
  }
  return { campaign_id: existing.id, retired_campaign_id }
}

async function redeemedSpend(container: MedusaContainer, promotionId: string) {
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  return promotions.redeemedSpend(promotionId)
}

const sameTime = (a: Date | string | null | undefined, b: Date | string | null | undefined) =>
  (a ? new Date(a).getTime() : null) === (b ? new Date(b).getTime() : null)

async function linkToMarketing(container: MedusaContainer, promotionId: string, nativeIds: string[]) {
  if (!nativeIds.length) return
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create(
    nativeIds.map((id) => ({
      [MarketingModule.PROMOTION]: { marketing_promotion_id: promotionId },
      [Modules.PROMOTION]: { promotion_id: id },
    }))
  )
}

/**
 * Makes the native promotions match a marketing promotion: same terms → at most a status change
 * (carts keep their codes); changed terms → the old ones are soft-deleted and rebuilt under the same
 * codes. A deleted marketing promotion takes its native promotions and campaign with it.
 */
export async function mirrorPromotion(
  container: MedusaContainer,
  promotion: MirroredPromotion & { deleted_at?: Date | null },
  context: Pick<MirrorContext, "segment_group_id">,
  changes: MirrorChanges
) {
  const native = nativeService(container)
  if (promotion.deleted_at) {
    const [campaign] = await native.listCampaigns({ campaign_identifier: [promotion.id] })
    if (!campaign) return
    const existing = await native.listPromotions({ campaign_id: campaign.id } as any, { select: ["id"] })
    await native.softDeletePromotions(existing.map((p) => p.id))
    await native.softDeleteCampaigns([campaign.id])
    changes.deleted_promotion_ids.push(...existing.map((p) => p.id))
    changes.deleted_campaign_ids.push(campaign.id)
    return
  }
  const { campaign_id, retired_campaign_id } = await mirrorCampaign(container, promotion, changes)
  const existing = await native.listPromotions(
    { campaign_id: [campaign_id, retired_campaign_id].filter(Boolean) } as any,
    { select: ["id", "code", "status", "metadata", "used"] }
  )
  const desired = nativePromotionInputs(promotion, {
    campaign_id,
    segment_group_id: context.segment_group_id,
    codes: await ownGeneratedCodes(container, promotion, existing.map((p) => p.code!)),
  })
  const hashes = desired.map(({ status, ...terms }) => termsHash(terms))
  const byCode = new Map(existing.map((p) => [p.code, p]))
  const unchanged =
    existing.length === desired.length &&
    desired.every((d, i) => byCode.get(d.code)?.metadata?.[TERMS_HASH_KEY] === hashes[i])

  if (unchanged) {
    const stale = existing.filter((p) => p.status !== desired[0]?.status)
    if (stale.length) {
      changes.status_before.push(...stale.map((p) => ({ id: p.id, status: p.status })))
      await native.updatePromotions(stale.map((p) => ({ id: p.id, status: desired[0].status })))
    }
    return
  }
  // Every mirror that is not rebuilt below is retired: a former shared code, tiers of former terms, the
  // codes of a former mode. A rebuilt mirror keeps counting where its predecessor stopped.
  if (existing.length) {
    await native.softDeletePromotions(existing.map((p) => p.id))
    changes.deleted_promotion_ids.push(...existing.map((p) => p.id))
  }
  if (desired.length) {
    const promotionUsed = Math.max(Number(promotion.redeemed_count ?? 0), ...existing.map((p) => Number(p.used ?? 0)))
    const created = await native.createPromotions(
      desired.map((d, i) => ({
        ...d,
        used: promotion.code_mode === PromotionCodeMode.UNIQUE ? Number(byCode.get(d.code)?.used ?? 0) : promotionUsed,
        metadata: { ...d.metadata, [TERMS_HASH_KEY]: hashes[i] },
      }))
    )
    changes.created_promotion_ids.push(...created.map((p) => p.id))
    await linkToMarketing(container, promotion.id, created.map((p) => p.id))
  }
}

/**
 * Of the codes mirrored so far, those that are this promotion's generated codes: in generated-code
 * mode they stay mirrored; a former shared or automatic code does not.
 */
async function ownGeneratedCodes(container: MedusaContainer, promotion: MirroredPromotion, codes: string[]) {
  if (promotion.code_mode !== PromotionCodeMode.UNIQUE || !codes.length) return []
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const own = await promotions.listPromotionCodes({ promotion_id: promotion.id, code: codes }, { select: ["code"] })
  return own.map((c) => c.code)
}

/**
 * The native promotion for one generated code, created the first time a shopper applies it. Returns
 * its id, and whether this call created it.
 */
export async function mirrorCode(
  container: MedusaContainer,
  promotion: MirroredPromotion,
  code: string,
  context: Pick<MirrorContext, "segment_group_id">,
  changes: MirrorChanges
): Promise<string> {
  const native = nativeService(container)
  const [existing] = await native.listPromotions({ code }, { select: ["id"] })
  if (existing) return existing.id
  const { campaign_id } = await mirrorCampaign(container, promotion, changes)
  const [input] = nativePromotionInputs(promotion, { campaign_id, segment_group_id: context.segment_group_id, codes: [code] })
  const { status, ...terms } = input
  const [created] = await native.createPromotions([
    { ...input, metadata: { ...input.metadata, [TERMS_HASH_KEY]: termsHash(terms) } },
  ])
  changes.created_promotion_ids.push(created.id)
  await linkToMarketing(container, promotion.id, [created.id])
  return created.id
}

/**
 * Puts back what mirrorPromotion/mirrorCode changed, newest first: campaigns made are deleted before
 * the ones they replaced come back (a promotion has one live campaign).
 */
export async function revertMirror(container: MedusaContainer, changes: MirrorChanges) {
  const native = nativeService(container)
  if (changes.created_promotion_ids.length) {
    await native.deletePromotions(changes.created_promotion_ids)
  }
  if (changes.created_campaign_ids.length) {
    await native.deleteCampaigns(changes.created_campaign_ids)
  }
  if (changes.deleted_promotion_ids.length) {
    await native.restorePromotions(changes.deleted_promotion_ids)
  }
  if (changes.status_before.length) {
    await native.updatePromotions(changes.status_before)
  }
  if (changes.deleted_campaign_ids.length) {
    await native.restoreCampaigns(changes.deleted_campaign_ids)
  }
  if (changes.campaigns_before.length) {
    await native.updateCampaigns(changes.campaigns_before)
  }
}

/** The native customer group of each targeted segment (the workflow has turned its sync on). */
export async function segmentGroups(audience: AudienceModuleService, segmentIds: (string | null)[]) {
  const ids = [...new Set(segmentIds.filter(Boolean))] as string[]
  if (!ids.length) return new Map<string, string | null>()
  const segments = await audience.listSegments({ id: ids }, { select: ["id", "customer_group_id"], withDeleted: true })
  return new Map(segments.map((s: { id: string; customer_group_id: string | null }) => [s.id, s.customer_group_id]))
}

/**
 * Generated codes get their native promotion the first time they are applied; a code mirrored already
 * is left as it is. What was created is returned for undoing (`revertMirror`), and undone on failure.
 */
export async function mirrorGeneratedCodes(
  container: MedusaContainer,
  accepted: Pick<AcceptedCode, "code" | "code_id" | "promotion_id">[]
): Promise<MirrorChanges> {
  const generated = accepted.filter((a) => a.code_id)
  const changes = noMirrorChanges()
  if (!generated.length) return changes
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const rows = (await promotions.listMarketingPromotions({
    id: generated.map((g) => g.promotion_id),
  })) as unknown as MarketingPromotionDTO[]
  const groups = await segmentGroups(container.resolve(MarketingModule.AUDIENCE), rows.map((r) => r.segment_id))
  try {
    for (const code of generated) {
      const row = rows.find((r) => r.id === code.promotion_id)!
      await mirrorCode(container, asTerms(row), code.code, { segment_group_id: groups.get(row.segment_id ?? "") ?? null }, changes)
    }
  } catch (error) {
    await revertMirror(container, changes)
    throw error
  }
  return changes
}
