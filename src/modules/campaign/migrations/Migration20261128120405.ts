import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128120405 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_campaign_member" drop constraint if exists "marketing_campaign_member_campaign_id_user_id_unique";`);
    this.addSql(`create table if not exists "marketing_campaign" ("id" text not null, "name" text not null, "description" text null, "channel" text check ("channel" in ('email', 'sms', 'push')) not null, "status" text check ("status" in ('draft', 'scheduled', 'sending', 'sent', 'active', 'paused', 'completed', 'cancelled')) not null default 'draft', "subject" text null, "body" text null, "scheduled_at" timestamptz null, "schedule_cron" text null, "schedule_timezone" text null, "budget_amount" numeric null, "budget_currency_code" text null, "segment_id" text null, "created_by" text null, "metadata" jsonb null, "raw_budget_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_deleted_at" ON "marketing_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_status" ON "marketing_campaign" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_channel" ON "marketing_campaign" ("channel") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_scheduled_at" ON "marketing_campaign" ("scheduled_at") WHERE scheduled_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_campaign_member" ("id" text not null, "user_id" text not null, "role" text check ("role" in ('owner', 'editor', 'reviewer')) not null, "campaign_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_campaign_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_member_campaign_id" ON "marketing_campaign_member" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_member_deleted_at" ON "marketing_campaign_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_campaign_member_campaign_id_user_id_unique" ON "marketing_campaign_member" ("campaign_id", "user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_member_user_id" ON "marketing_campaign_member" ("user_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_campaign_member" add constraint "marketing_campaign_member_campaign_id_foreign" foreign key ("campaign_id") references "marketing_campaign" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_campaign_member" drop constraint if exists "marketing_campaign_member_campaign_id_foreign";`);

    this.addSql(`drop table if exists "marketing_campaign" cascade;`);

    this.addSql(`drop table if exists "marketing_campaign_member" cascade;`);
  }

}
