import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PromotionUsage, RedemptionStatus } from "../../types/promotion/module"
import { CodePattern } from "./lib/code-pattern"
import * as codes from "./lib/codes"
import * as ledger from "./lib/ledger"
import {
  RedeemOrderInput,
  ReleasedReservation,
  ReleaseReservationsInput,
  ReservationRequest,
  ReservationResult,
} from "./lib/ledger"
import MarketingPromotion from "./models/promotion"
import OrderAttribution from "./models/order-attribution"
import PromotionCode from "./models/promotion-code"
import Redemption from "./models/redemption"

/*
 * The promotion module's one service. Besides the generated CRUD, its methods give each operation of the two
 * concerns their context (a connection, or a transaction when the method is on @InjectTransactionManager):
 * codes (lib/codes.ts) and the ledger of holds and redemptions (lib/ledger.ts), where each is described.
 */
export default class PromotionModuleService extends MedusaService({
  MarketingPromotion,
  PromotionCode,
  Redemption,
  OrderAttribution,
}) {
  @InjectManager()
  async generateCodes(
    input: { promotion_id: string; batch_id: string; count: number; pattern: CodePattern },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return codes.generateCodes(context, input)
  }

  @InjectManager()
  async codesAfter(
    input: { promotion_id: string; batch_id?: string; after: string | null; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ) {
    return codes.codesAfter(context, input)
  }

  @InjectManager()
  async codeBatches(promotionId: string, @MedusaContext() context: Context<EntityManager> = {}) {
    return codes.codeBatches(context, promotionId)
  }

  @InjectManager()
  async codesForContacts(
    input: { campaign_ids: string[]; contact_ids: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ campaign_id: string; contact_id: string; code: string }[]> {
    return codes.codesForContacts(context, input)
  }

  @InjectTransactionManager()
  async assignCodes(
    input: { promotion_id: string; contact_ids: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ code_ids: string[]; missing: number }> {
    return codes.assignCodes(context, input)
  }

  @InjectManager()
  async unassignCodes(codeIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await codes.unassignCodes(context, codeIds)
  }

  @InjectManager()
  async voidCodes(
    input: { promotion_id: string; code_ids?: string[]; batch_id?: string; voided_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return codes.voidCodes(context, input)
  }

  @InjectManager()
  async unvoidCodes(
    input: { promotion_id: string; voided_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await codes.unvoidCodes(context, input)
  }

  @InjectManager()
  async withdrawCodeBatch(batchId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await codes.withdrawCodeBatch(context, batchId)
  }

  @InjectManager()
  async withdrawPromotions(
    input: { ids: string[]; deleted_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await codes.withdrawPromotions(context, input)
  }

  @InjectManager()
  async reinstateWithdrawnPromotions(
    input: { ids: string[]; deleted_at: Date },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await codes.reinstateWithdrawnPromotions(context, input)
  }

  @InjectManager()
  async usageOf(
    promotionIds: string[],
    customerId: string | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<Map<string, PromotionUsage>> {
    return ledger.usageOf(context, promotionIds, customerId)
  }

  @InjectManager()
  async redeemedSpend(promotionId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<number> {
    return ledger.redeemedSpend(context, promotionId)
  }

  @InjectManager()
  async reserve(
    request: ReservationRequest,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReservationResult> {
    return ledger.reserve(context, request)
  }

  @InjectTransactionManager()
  async lowerReservation(
    input: { redemption_id: string; by: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await ledger.lowerReservation(context, input)
  }

  @InjectTransactionManager()
  async releaseReservations(
    input: ReleaseReservationsInput,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReleasedReservation[]> {
    return ledger.releaseReservations(context, input)
  }

  /** Undoes `releaseReservations` (workflow compensation): the same rows reserved again. */
  @InjectTransactionManager()
  async reinstateReservations(
    redemptionIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await ledger.reinstate(context, redemptionIds, RedemptionStatus.RESERVED)
  }

  /** Undoes `releaseOrder` (workflow compensation): the order's promotions redeemed again. */
  @InjectTransactionManager()
  async reinstateRedemptions(
    redemptionIds: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await ledger.reinstate(context, redemptionIds, RedemptionStatus.REDEEMED)
  }

  @InjectManager()
  async cartsHoldingSince(
    before: Date,
    limit: number,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return ledger.cartsHoldingSince(context, before, limit)
  }

  @InjectTransactionManager()
  async redeemOrder(input: RedeemOrderInput, @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    return ledger.redeemOrder(context, input)
  }

  /** Marks a cancelled order's attribution cancelled, once (see lib/ledger); its id when this call stamped it. */
  @InjectManager()
  async stampOrderCancellation(orderId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    return ledger.stampOrderCancellation(context, orderId)
  }

  /** Undoes stampOrderCancellation (workflow compensation). */
  @InjectManager()
  async unstampOrderCancellations(attributionIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await ledger.unstampOrderCancellations(context, attributionIds)
  }

  @InjectTransactionManager()
  async releaseOrder(
    orderId: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReleasedReservation[]> {
    return ledger.releaseOrder(context, orderId)
  }
}
