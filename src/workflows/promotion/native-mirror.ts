import { createHash } from "node:crypto"
import { IPromotionModuleService, MedusaContainer, PromotionDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { MirroredPromotion, MirrorContext, nativePromotionInputs } from "./native-promotion-input"

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
  campaigns_before: { id: string; name: string; starts_at: Date | null; ends_at: Date | null }[]
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

/** The native campaign that carries a marketing promotion's validity window (created on first use). */
async function mirrorCampaign(container: MedusaContainer, promotion: MirroredPromotion, changes: MirrorChanges) {
  const native = nativeService(container)
  const [existing] = await native.listCampaigns({ campaign_identifier: [promotion.id] })
  const wanted = { name: `Marketing: ${promotion.name}`, starts_at: promotion.starts_at, ends_at: promotion.ends_at }
  if (!existing) {
    const created = await native.createCampaigns({ ...wanted, campaign_identifier: promotion.id })
    changes.created_campaign_ids.push(created.id)
    return created.id
  }
  const same =
    existing.name === wanted.name &&
    sameTime(existing.starts_at, wanted.starts_at) &&
    sameTime(existing.ends_at, wanted.ends_at)
  if (!same) {
    changes.campaigns_before.push({
      id: existing.id,
      name: existing.name!,
      starts_at: (existing.starts_at as Date | null) ?? null,
      ends_at: (existing.ends_at as Date | null) ?? null,
    })
    await native.updateCampaigns({ id: existing.id, ...wanted })
  }
  return existing.id
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
  const campaign_id = await mirrorCampaign(container, promotion, changes)
  const existing = await native.listPromotions({ campaign_id } as any, { select: ["id", "code", "status", "metadata"] })
  const desired = nativePromotionInputs(promotion, {
    campaign_id,
    segment_group_id: context.segment_group_id,
    codes: existing.map((p) => p.code!),
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
  if (existing.length) {
    await native.softDeletePromotions(existing.map((p) => p.id))
    changes.deleted_promotion_ids.push(...existing.map((p) => p.id))
  }
  if (desired.length) {
    const created = await native.createPromotions(
      desired.map((d, i) => ({ ...d, metadata: { ...d.metadata, [TERMS_HASH_KEY]: hashes[i] } }))
    )
    changes.created_promotion_ids.push(...created.map((p) => p.id))
    await linkToMarketing(container, promotion.id, created.map((p) => p.id))
  }
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
  const campaign_id = await mirrorCampaign(container, promotion, changes)
  const [input] = nativePromotionInputs(promotion, { campaign_id, segment_group_id: context.segment_group_id, codes: [code] })
  const { status, ...terms } = input
  const [created] = await native.createPromotions([
    { ...input, metadata: { ...input.metadata, [TERMS_HASH_KEY]: termsHash(terms) } },
  ])
  changes.created_promotion_ids.push(created.id)
  await linkToMarketing(container, promotion.id, [created.id])
  return created.id
}

/** Puts back what mirrorPromotion/mirrorCode changed, newest first. */
export async function revertMirror(container: MedusaContainer, changes: MirrorChanges) {
  const native = nativeService(container)
  if (changes.created_promotion_ids.length) {
    await native.deletePromotions(changes.created_promotion_ids)
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
  if (changes.created_campaign_ids.length) {
    await native.deleteCampaigns(changes.created_campaign_ids)
  }
}
