import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202084740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_tracked_link" drop constraint if exists "marketing_tracked_link_link_set_position_unique";`);
    this.addSql(`alter table if exists "marketing_inbound_message" drop constraint if exists "marketing_inbound_message_provider_message_id_unique";`);
    this.addSql(`create table if not exists "marketing_inbound_message" ("id" text not null, "provider_message_id" text not null, "keyword" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_inbound_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_inbound_message_deleted_at" ON "marketing_inbound_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_inbound_message_provider_message_id_unique" ON "marketing_inbound_message" ("provider_message_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_tracked_link" ("id" text not null, "link_set" text not null, "position" integer not null, "url" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_tracked_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_tracked_link_deleted_at" ON "marketing_tracked_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_tracked_link_link_set_position_unique" ON "marketing_tracked_link" ("link_set", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_message" add column if not exists "link_set" text null;`);

    // Links stored per message so far become one set per message, so that their clicks still resolve.
    this.addSql(`insert into "marketing_tracked_link" ("id", "link_set", "position", "url", "created_at", "updated_at")
      select 'mlnk_' || replace(gen_random_uuid()::text, '-', ''), 'message:' || "message_id", "position", "url", "created_at", "updated_at"
        from "marketing_message_link" where "deleted_at" is null;`);
    this.addSql(`update "marketing_message" m set "link_set" = 'message:' || m."id"
      where exists (select 1 from "marketing_message_link" l where l."message_id" = m."id" and l."deleted_at" is null);`);

    this.addSql(`drop table if exists "marketing_message_link" cascade;`);

    this.addSql(`drop index if exists "IDX_marketing_message_event_message_id_type";`);
    this.addSql(`drop index if exists "IDX_marketing_message_event_type_occurred_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table if not exists "marketing_message_link" ("id" text not null, "position" integer not null, "url" text not null, "message_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_message_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_link_message_id" ON "marketing_message_link" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_link_deleted_at" ON "marketing_message_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_message_link_message_id_position_unique" ON "marketing_message_link" ("message_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_message_link" add constraint "marketing_message_link_message_id_foreign" foreign key ("message_id") references "marketing_message" ("id") on update cascade on delete cascade;`);

    this.addSql(`insert into "marketing_message_link" ("id", "message_id", "position", "url", "created_at", "updated_at")
      select 'mlnk_' || replace(gen_random_uuid()::text, '-', ''), m."id", l."position", l."url", l."created_at", l."updated_at"
        from "marketing_message" m join "marketing_tracked_link" l on l."link_set" = m."link_set" and l."deleted_at" is null;`);

    this.addSql(`drop table if exists "marketing_inbound_message" cascade;`);

    this.addSql(`drop table if exists "marketing_tracked_link" cascade;`);

    this.addSql(`alter table if exists "marketing_message" drop column if exists "link_set";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_message_id_type" ON "marketing_message_event" ("message_id", "type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_type_occurred_at" ON "marketing_message_event" ("type", "occurred_at") WHERE deleted_at IS NULL;`);
  }

}
