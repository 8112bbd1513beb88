import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PgClient, pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { currencyDigits } from "../promotion/lib/engine/money"
import { RollupDimension } from "../../types/analytics"
import { ContactActivityCursor, ContactActivityPage } from "../../types/analytics/contact-activity"
import { JourneyStepMessageFigures } from "../../types/http/automation"
import { readContactActivity } from "./lib/contact-activity"
import { journeyStepDimensionId } from "./lib/message-dimensions"
import { refreshStatement, ROLLUP_SOURCES } from "./lib/refresh-sql"
import { CampaignActivity, ENGAGEMENT_HOURS } from "./lib/campaign-report"
import { CAMPAIGN_DOMAINS, CAMPAIGN_HOURS, CAMPAIGN_LINK_URLS, CAMPAIGN_ORDERS } from "./lib/campaign-report-sql"
import { AttributionEvidence, readAttributionEvidence, readPromotionDrivers } from "./lib/report-reads"
import { PromotionDriver } from "./lib/promotion-report"
import { ReportRow } from "./lib/report"
import { ROLLUP_SUMS, RollupGrouping } from "./lib/rollup-sums-sql"
import AudienceCount from "./models/audience-count"
import DailyRollup from "./models/daily-rollup"
import RollupCursor from "./models/rollup-cursor"
import {
  ADD_ROLLUP_CURSORS,
  CLEAR_DAILY_ROLLUP,
  CLEAR_ROLLUP_CURSORS,
  JOURNEY_STEP_MESSAGES,
  LOCK_ROLLUP,
  LOCK_ROLLUP_CURSOR,
  MOVE_ROLLUP_CURSOR,
  REFRESH_UP_TO,
  SNAPSHOT_AUDIENCE_COUNTS,
} from "./statements"

// Intl.supportedValuesOf is in Node 18+, newer than the compiler's lib.
const CURRENCIES = (Intl as unknown as { supportedValuesOf(key: "currency"): string[] }).supportedValuesOf("currency")
const CURRENCY_DIGITS = CURRENCIES.map(currencyDigits)

export default class AnalyticsModuleService extends MedusaService({ DailyRollup, RollupCursor, AudienceCount }) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.options_ = parsePluginOptions(options)
  }

  /**
   * Adds the raw rows recorded since the last refresh (up to `now`, less `analytics.settle_seconds`) to the daily
   * rollup, source by source, moving each source's cursor in the same transaction. Refreshes and
   * rebuilds queue on one transaction lock (LOCK_ROLLUP), so that no row is counted twice. Returns how
   * many rollup rows each source changed.
   */
  @InjectTransactionManager()
  async refreshRollups(now: Date, @MedusaContext() context: Context<EntityManager> = {}): Promise<Record<string, number>> {
    return pgTransaction(context, async (client) => {
      await client.query(LOCK_ROLLUP)
      return this.refreshIn(client, now)
    })
  }

  /**
   * Makes the rollup again from all the raw data: the same as every refresh so far added up, and
   * what to run after raw rows were corrected or deleted. Readers see the old rollup until it commits.
   */
  @InjectTransactionManager()
  async rebuildRollups(now: Date, @MedusaContext() context: Context<EntityManager> = {}): Promise<Record<string, number>> {
    return pgTransaction(context, async (client) => {
      await client.query(LOCK_ROLLUP)
      await client.query(CLEAR_ROLLUP_CURSORS)
      await client.query(CLEAR_DAILY_ROLLUP)
      return this.refreshIn(client, now)
    })
  }

  /**
   * What one campaign's report reads of the raw data, current to the second: its messages per
   * recipient domain, first opens and clicks per hour after sending, its links' URLs, and the newest
   * `orderLimit` orders recorded against it.
   */
  @InjectManager()
  async campaignActivity(
    campaignId: string,
    orderLimit: number,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<CampaignActivity> {
    const read = async <T>(sql: string, parameters: unknown[] = []) =>
      (await pgStatement(context, sql, [campaignId, ...parameters])).rows as T[]
    return {
      domains: await read(CAMPAIGN_DOMAINS),
      hours: await read(CAMPAIGN_HOURS, [ENGAGEMENT_HOURS]),
      links: await read(CAMPAIGN_LINK_URLS),
      orders: await read(CAMPAIGN_ORDERS, [orderLimit]),
    }
  }

  /**
   * The rollup's rows of one dimension (one id of it, or all of them when `dimension_id` is absent)
   * over the store days `first`..`last` in one currency, summed per attribution model and as `by`
   * groups them: see lib/rollup-sums-sql.
   */
  @InjectManager()
  async sumRollup(
    input: { dimension: RollupDimension; dimension_id?: string; first: string; last: string; currency_code: string; by: RollupGrouping },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ReportRow[]> {
    const { rows } = await pgStatement<ReportRow>(context, ROLLUP_SUMS[input.by], [
      input.dimension,
      input.dimension_id ?? null,
      input.first,
      input.last,
      input.currency_code,
    ])
    return rows
  }

  /** One page of a contact's timeline, newest first: see lib/contact-activity. */
  @InjectManager()
  async contactActivity(
    contactId: string,
    page: { limit: number; cursor?: ContactActivityCursor },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ContactActivityPage> {
    return pgConnection(context, (client) => readContactActivity(client, contactId, page))
  }

  private async refreshIn(client: PgClient, now: Date): Promise<Record<string, number>> {
    await client.query(ADD_ROLLUP_CURSORS, [ROLLUP_SOURCES.map((source) => source.name)])
    const { rows: [{ upto }] } = await client.query(REFRESH_UP_TO, [now, this.options_.analytics.settle_seconds])
    const changed: Record<string, number> = {}
    for (const source of ROLLUP_SOURCES) {
      const { rows: [cursor] } = await client.query(LOCK_ROLLUP_CURSOR, [source.name])
      const parameters = [
        cursor.position_at,
        cursor.position_id,
        upto,
        this.options_.default_timezone,
        CURRENCIES,
        CURRENCY_DIGITS,
        this.options_.promotions.attribution_days,
      ].slice(0, source.parameters)
      const { rows: [last] } = await client.query(refreshStatement(source), parameters)
      changed[source.name] = last?.rows ?? 0
      if (last) {
        await client.query(MOVE_ROLLUP_CURSOR, [source.name, last.at, last.id])
      }
    }
    return changed
  }

  /**
   * Takes today's audience counts (today in the store's timezone): each segment's last counted size
   * and the contacts per channel and consent state ("none" when never asked). Run again the same
   * day, the later count replaces the earlier.
   */
  @InjectManager()
  async snapshotAudience(now: Date, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(context, SNAPSHOT_AUDIENCE_COUNTS, [now, this.options_.default_timezone])
  }

  /**
   * The campaigns and journeys whose tracked clicks (within the attribution window) brought the orders
   * that redeemed a promotion on some store days, in one currency; money in minor units.
   */
  @InjectManager()
  async promotionDrivers(
    input: { promotion_id: string; first: string; last: string; currency_code: string },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<PromotionDriver[]> {
    return pgConnection(context, (client) =>
      readPromotionDrivers(client, { ...input, timezone: this.options_.default_timezone, attribution_days: this.options_.promotions.attribution_days })
    )
  }

  /**
   * What each of some journey steps sent and what its messages did, all days, from the rollup's journey
   * step rows: engagement on the rows of no model, orders on the last click's. Steps that sent nothing are left out.
   */
  @InjectManager()
  async journeyStepMessages(
    steps: { journey_id: string; step_id: string }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<(JourneyStepMessageFigures & { journey_id: string; step_id: string })[]> {
    const stepOf = new Map(steps.map((step) => [journeyStepDimensionId(step.journey_id, step.step_id), step]))
    const { rows } = await pgStatement<JourneyStepMessageFigures & { dimension_id: string }>(context, JOURNEY_STEP_MESSAGES, [[...stepOf.keys()]])
    return rows.map(({ dimension_id, ...figures }) => ({ ...stepOf.get(dimension_id)!, ...figures }))
  }

  /** Orders as each attribution model credits them, and the last engagement of their contacts and of `contact_ids`. */
  @InjectManager()
  async attributionEvidence(
    input: { order_ids: string[]; contact_ids: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<AttributionEvidence> {
    return pgConnection(context, (client) => readAttributionEvidence(client, input, this.options_.promotions.attribution_days))
  }
}
