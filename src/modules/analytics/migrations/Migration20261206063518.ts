import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206063518 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" add column if not exists "refunded" numeric not null default 0, add column if not exists "raw_refunded" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" drop column if exists "refunded", drop column if exists "raw_refunded";`);
  }

}
