import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206063534 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "marketing_journey_event" ("id" text not null, "contact_id" text not null, "type" text check ("type" in ('order_placed', 'custom_event')) not null, "name" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_event_deleted_at" ON "marketing_journey_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_event_contact_id_occurred_at" ON "marketing_journey_event" ("contact_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_journey_enrollment" add column if not exists "waiting_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_journey_event" cascade;`);

    this.addSql(`alter table if exists "marketing_journey_enrollment" drop column if exists "waiting_until";`);
  }

}
