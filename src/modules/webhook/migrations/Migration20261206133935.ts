import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206133935 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_webhook_delivery" drop constraint if exists "marketing_webhook_delivery_endpoint_id_event_type_event_id_unique";`);
    this.addSql(`alter table if exists "marketing_webhook_cursor" drop constraint if exists "marketing_webhook_cursor_source_unique";`);
    this.addSql(`create table if not exists "marketing_webhook_cursor" ("id" text not null, "source" text not null, "position_at" timestamptz not null, "position_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_webhook_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_webhook_cursor_deleted_at" ON "marketing_webhook_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_webhook_cursor_source_unique" ON "marketing_webhook_cursor" ("source") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_webhook_delivery" ("id" text not null, "endpoint_id" text not null, "event_id" text not null, "event_type" text not null, "payload" jsonb not null, "status" text check ("status" in ('pending', 'sending', 'delivered', 'failed')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "leased_until" timestamptz null, "last_response_status" integer null, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_webhook_delivery_deleted_at" ON "marketing_webhook_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_webhook_delivery_endpoint_id_event_type_event_id_unique" ON "marketing_webhook_delivery" ("endpoint_id", "event_type", "event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_webhook_delivery_next_attempt_at" ON "marketing_webhook_delivery" ("next_attempt_at") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_webhook_delivery_leased_until" ON "marketing_webhook_delivery" ("leased_until") WHERE status = 'sending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_webhook_delivery_endpoint_id_created_at" ON "marketing_webhook_delivery" ("endpoint_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_webhook_endpoint" ("id" text not null, "url" text not null, "events" text[] not null, "secret" text not null, "enabled" boolean not null default true, "description" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_webhook_endpoint_deleted_at" ON "marketing_webhook_endpoint" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_webhook_cursor" cascade;`);

    this.addSql(`drop table if exists "marketing_webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "marketing_webhook_endpoint" cascade;`);
  }

}
