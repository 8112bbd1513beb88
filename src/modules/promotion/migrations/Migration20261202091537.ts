import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202091537 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_promotion_redemption" drop constraint if exists "marketing_promotion_redemption_promotion_id_cart_id_unique";`);
    this.addSql(`alter table if exists "marketing_promotion_code" drop constraint if exists "marketing_promotion_code_code_unique";`);
    this.addSql(`alter table if exists "marketing_order_attribution" drop constraint if exists "marketing_order_attribution_order_id_unique";`);
    this.addSql(`alter table if exists "marketing_promotion" drop constraint if exists "marketing_promotion_code_unique";`);
    this.addSql(`create table if not exists "marketing_promotion" ("id" text not null, "campaign_id" text null, "name" text not null, "description" text null, "type" text check ("type" in ('percentage', 'fixed', 'free_shipping', 'buy_get', 'tiered')) not null, "status" text check ("status" in ('draft', 'active', 'paused', 'ended')) not null default 'draft', "code_mode" text check ("code_mode" in ('automatic', 'shared', 'unique')) not null, "code" text null, "code_pattern" text null, "value" numeric null, "currency_code" text null, "tiers" jsonb null, "buy_get" jsonb null, "target" jsonb not null, "segment_id" text null, "customer_group_ids" jsonb not null, "min_subtotal" numeric null, "starts_at" timestamptz null, "ends_at" timestamptz null, "usage_limit" integer null, "per_customer_limit" integer null, "budget_amount" numeric null, "stacking" text check ("stacking" in ('stackable', 'exclusive', 'priority')) not null default 'stackable', "priority" integer not null default 0, "used_count" integer not null default 0, "spent_amount" numeric not null default 0, "redeemed_count" integer not null default 0, "metadata" jsonb null, "raw_value" jsonb null, "raw_min_subtotal" jsonb null, "raw_budget_amount" jsonb null, "raw_spent_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_promotion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_deleted_at" ON "marketing_promotion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_campaign_id" ON "marketing_promotion" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_status" ON "marketing_promotion" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_unique" ON "marketing_promotion" ("code") WHERE code IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_order_attribution" ("id" text not null, "order_id" text not null, "cart_id" text null, "customer_id" text null, "campaign_id" text null, "message_id" text null, "promotion_ids" jsonb not null, "codes" jsonb not null, "currency_code" text not null, "revenue" numeric not null, "discount_total" numeric not null, "clicked_at" timestamptz null, "raw_revenue" jsonb not null, "raw_discount_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_order_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_order_attribution_deleted_at" ON "marketing_order_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_order_attribution_order_id_unique" ON "marketing_order_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_order_attribution_campaign_id" ON "marketing_order_attribution" ("campaign_id") WHERE campaign_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_order_attribution_message_id" ON "marketing_order_attribution" ("message_id") WHERE message_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_promotion_code" ("id" text not null, "code" text not null, "status" text check ("status" in ('available', 'reserved', 'redeemed', 'void')) not null default 'available', "contact_id" text null, "batch_id" text not null, "cart_id" text null, "order_id" text null, "native_promotion_id" text null, "reserved_at" timestamptz null, "redeemed_at" timestamptz null, "promotion_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_promotion_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_promotion_id" ON "marketing_promotion_code" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_deleted_at" ON "marketing_promotion_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_code_unique" ON "marketing_promotion_code" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_promotion_id_id" ON "marketing_promotion_code" ("promotion_id", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_batch_id" ON "marketing_promotion_code" ("batch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_code_contact_id" ON "marketing_promotion_code" ("contact_id") WHERE contact_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_promotion_redemption" ("id" text not null, "status" text check ("status" in ('reserved', 'redeemed', 'released')) not null default 'reserved', "code" text null, "code_id" text null, "cart_id" text not null, "customer_id" text null, "campaign_id" text null, "currency_code" text not null, "estimated_discount" numeric not null, "discount_amount" numeric null, "order_id" text null, "reserved_at" timestamptz not null, "redeemed_at" timestamptz null, "released_at" timestamptz null, "release_reason" text check ("release_reason" in ('removed', 'abandoned', 'cancelled')) null, "promotion_id" text not null, "raw_estimated_discount" jsonb not null, "raw_discount_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_promotion_redemption_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_promotion_id" ON "marketing_promotion_redemption" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_deleted_at" ON "marketing_promotion_redemption" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_promotion_id_cart_id_unique" ON "marketing_promotion_redemption" ("promotion_id", "cart_id") WHERE status = 'reserved' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_promotion_id_customer_id_status" ON "marketing_promotion_redemption" ("promotion_id", "customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_reserved_at" ON "marketing_promotion_redemption" ("reserved_at") WHERE status = 'reserved' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_cart_id" ON "marketing_promotion_redemption" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_order_id" ON "marketing_promotion_redemption" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_promotion_code" add constraint "marketing_promotion_code_promotion_id_foreign" foreign key ("promotion_id") references "marketing_promotion" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "marketing_promotion_redemption" add constraint "marketing_promotion_redemption_promotion_id_foreign" foreign key ("promotion_id") references "marketing_promotion" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_promotion_code" drop constraint if exists "marketing_promotion_code_promotion_id_foreign";`);

    this.addSql(`alter table if exists "marketing_promotion_redemption" drop constraint if exists "marketing_promotion_redemption_promotion_id_foreign";`);

    this.addSql(`drop table if exists "marketing_promotion" cascade;`);

    this.addSql(`drop table if exists "marketing_order_attribution" cascade;`);

    this.addSql(`drop table if exists "marketing_promotion_code" cascade;`);

    this.addSql(`drop table if exists "marketing_promotion_redemption" cascade;`);
  }

}
