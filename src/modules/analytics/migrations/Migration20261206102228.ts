import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206102228 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" drop constraint if exists "marketing_analytics_daily_rollup_dimension_check";`);

    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" add constraint "marketing_analytics_daily_rollup_dimension_check" check("dimension" in ('all', 'campaign', 'channel', 'segment', 'promotion', 'link', 'journey_step'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" drop constraint if exists "marketing_analytics_daily_rollup_dimension_check";`);

    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" add constraint "marketing_analytics_daily_rollup_dimension_check" check("dimension" in ('all', 'campaign', 'channel', 'segment', 'promotion', 'link'));`);
  }

}
