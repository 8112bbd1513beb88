import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128151159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message_link" drop constraint if exists "marketing_message_link_message_id_position_unique";`);
    this.addSql(`alter table if exists "marketing_message_event" drop constraint if exists "marketing_message_event_provider_event_id_unique";`);
    this.addSql(`alter table if exists "marketing_message" drop constraint if exists "marketing_message_idempotency_key_unique";`);
    this.addSql(`create table if not exists "marketing_message" ("id" text not null, "campaign_id" text null, "contact_id" text null, "channel" text check ("channel" in ('email', 'sms', 'push')) not null, "to" text not null, "occurrence" text null, "idempotency_key" text not null, "is_test" boolean not null default false, "status" text check ("status" in ('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced')) not null default 'queued', "attempts" integer not null default 0, "not_before" timestamptz not null, "claimed_by" text null, "claimed_until" timestamptz null, "provider" text null, "provider_message_id" text null, "error" text null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "opened_at" timestamptz null, "clicked_at" timestamptz null, "unsubscribed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_deleted_at" ON "marketing_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_message_idempotency_key_unique" ON "marketing_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_not_before" ON "marketing_message" ("not_before") WHERE status = 'queued' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_claimed_until" ON "marketing_message" ("claimed_until") WHERE status = 'sending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_campaign_id_occurrence_status" ON "marketing_message" ("campaign_id", "occurrence", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_contact_id_channel_created_at" ON "marketing_message" ("contact_id", "channel", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_provider_message_id" ON "marketing_message" ("provider_message_id") WHERE provider_message_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_message_event" ("id" text not null, "type" text check ("type" in ('open', 'click', 'unsubscribe', 'delivered', 'bounce', 'dropped', 'complaint', 'failed')) not null, "flag" text check ("flag" in ('bot', 'apple_mpp', 'scanner')) null, "link_position" integer null, "url" text null, "user_agent" text null, "ip" text null, "reason" text null, "provider_event_id" text null, "occurred_at" timestamptz not null, "message_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_message_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_message_id" ON "marketing_message_event" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_deleted_at" ON "marketing_message_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_message_id_type" ON "marketing_message_event" ("message_id", "type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_message_event_provider_event_id_unique" ON "marketing_message_event" ("provider_event_id") WHERE provider_event_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_type_occurred_at" ON "marketing_message_event" ("type", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_message_link" ("id" text not null, "position" integer not null, "url" text not null, "message_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_message_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_link_message_id" ON "marketing_message_link" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_link_deleted_at" ON "marketing_message_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_message_link_message_id_position_unique" ON "marketing_message_link" ("message_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_message_event" add constraint "marketing_message_event_message_id_foreign" foreign key ("message_id") references "marketing_message" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "marketing_message_link" add constraint "marketing_message_link_message_id_foreign" foreign key ("message_id") references "marketing_message" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message_event" drop constraint if exists "marketing_message_event_message_id_foreign";`);

    this.addSql(`alter table if exists "marketing_message_link" drop constraint if exists "marketing_message_link_message_id_foreign";`);

    this.addSql(`drop table if exists "marketing_message" cascade;`);

    this.addSql(`drop table if exists "marketing_message_event" cascade;`);

    this.addSql(`drop table if exists "marketing_message_link" cascade;`);
  }

}
