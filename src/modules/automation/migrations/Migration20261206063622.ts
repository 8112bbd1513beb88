import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206063622 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_journey_trigger_cursor" drop constraint if exists "marketing_journey_trigger_cursor_journey_id_unique";`);
    this.addSql(`alter table if exists "marketing_journey_segment_member" drop constraint if exists "marketing_journey_segment_member_journey_id_contact_id_unique";`);
    this.addSql(`alter table if exists "marketing_journey_cart_activity" drop constraint if exists "marketing_journey_cart_activity_cart_id_unique";`);
    this.addSql(`alter table if exists "marketing_journey_cart" drop constraint if exists "marketing_journey_cart_journey_id_cart_id_unique";`);
    this.addSql(`create table if not exists "marketing_journey_cart" ("id" text not null, "journey_id" text not null, "cart_id" text not null, "enrollment_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_cart_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_cart_deleted_at" ON "marketing_journey_cart" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_cart_journey_id_cart_id_unique" ON "marketing_journey_cart" ("journey_id", "cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_cart_cart_id" ON "marketing_journey_cart" ("cart_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_journey_cart_activity" ("id" text not null, "cart_id" text not null, "last_activity_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_cart_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_cart_activity_deleted_at" ON "marketing_journey_cart_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_cart_activity_cart_id_unique" ON "marketing_journey_cart_activity" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_cart_activity_last_activity_at" ON "marketing_journey_cart_activity" ("last_activity_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_journey_segment_member" ("id" text not null, "journey_id" text not null, "contact_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_segment_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_segment_member_deleted_at" ON "marketing_journey_segment_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_segment_member_journey_id_contact_id_unique" ON "marketing_journey_segment_member" ("journey_id", "contact_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_journey_trigger_cursor" ("id" text not null, "journey_id" text not null, "segment_id" text null, "position_at" timestamptz null, "position_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_trigger_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_trigger_cursor_deleted_at" ON "marketing_journey_trigger_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_trigger_cursor_journey_id_unique" ON "marketing_journey_trigger_cursor" ("journey_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_journey_cart" cascade;`);

    this.addSql(`drop table if exists "marketing_journey_cart_activity" cascade;`);

    this.addSql(`drop table if exists "marketing_journey_segment_member" cascade;`);

    this.addSql(`drop table if exists "marketing_journey_trigger_cursor" cascade;`);
  }

}
