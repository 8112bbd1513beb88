import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206035137 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_analytics_rollup_cursor" drop constraint if exists "marketing_analytics_rollup_cursor_source_unique";`);
    this.addSql(`alter table if exists "marketing_analytics_daily_rollup" drop constraint if exists "marketing_analytics_daily_rollup_dimension_dimension_id_day_attribution_model_currency_code_unique";`);
    this.addSql(`alter table if exists "marketing_analytics_audience_count" drop constraint if exists "marketing_analytics_audience_count_kind_key_day_unique";`);
    this.addSql(`create table if not exists "marketing_analytics_audience_count" ("id" text not null, "day" text not null, "kind" text check ("kind" in ('segment', 'consent')) not null, "key" text not null, "count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_analytics_audience_count_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_analytics_audience_count_deleted_at" ON "marketing_analytics_audience_count" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_analytics_audience_count_kind_key_day_unique" ON "marketing_analytics_audience_count" ("kind", "key", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_analytics_daily_rollup" ("id" text not null, "day" text not null, "dimension" text check ("dimension" in ('all', 'campaign', 'channel', 'segment', 'promotion', 'link')) not null, "dimension_id" text not null, "attribution_model" text check ("attribution_model" in ('none', 'last_click', 'last_touch', 'code')) not null, "currency_code" text not null, "sent" integer not null default 0, "delivered" integer not null default 0, "bounced_hard" integer not null default 0, "bounced_soft" integer not null default 0, "complained" integer not null default 0, "opened" integer not null default 0, "clicked" integer not null default 0, "clicks" integer not null default 0, "unsubscribed" integer not null default 0, "orders" integer not null default 0, "codes_redeemed" integer not null default 0, "revenue" numeric not null default 0, "discount_amount" numeric not null default 0, "raw_revenue" jsonb not null default '{"value":"0","precision":20}', "raw_discount_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_analytics_daily_rollup_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_analytics_daily_rollup_deleted_at" ON "marketing_analytics_daily_rollup" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_analytics_daily_rollup_dimension_dimension_id_day_attribution_model_currency_code_unique" ON "marketing_analytics_daily_rollup" ("dimension", "dimension_id", "day", "attribution_model", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_analytics_daily_rollup_day" ON "marketing_analytics_daily_rollup" ("day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_analytics_rollup_cursor" ("id" text not null, "source" text not null, "position_at" timestamptz not null, "position_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_analytics_rollup_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_analytics_rollup_cursor_deleted_at" ON "marketing_analytics_rollup_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_analytics_rollup_cursor_source_unique" ON "marketing_analytics_rollup_cursor" ("source") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_analytics_audience_count" cascade;`);

    this.addSql(`drop table if exists "marketing_analytics_daily_rollup" cascade;`);

    this.addSql(`drop table if exists "marketing_analytics_rollup_cursor" cascade;`);
  }

}
