import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206063653 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "marketing_campaign_template" ("id" text not null, "name" text not null, "description" text null, "subject" text null, "blocks" jsonb null, "body" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_campaign_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_campaign_template_deleted_at" ON "marketing_campaign_template" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_campaign" add column if not exists "blocks" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_campaign_template" cascade;`);

    this.addSql(`alter table if exists "marketing_campaign" drop column if exists "blocks";`);
  }

}
