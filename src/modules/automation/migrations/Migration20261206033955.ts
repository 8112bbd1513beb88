import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206033955 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_journey_version" drop constraint if exists "marketing_journey_version_journey_id_unique";`);
    this.addSql(`alter table if exists "marketing_journey_version" drop constraint if exists "marketing_journey_version_journey_id_number_unique";`);
    this.addSql(`alter table if exists "marketing_journey_step_run" drop constraint if exists "marketing_journey_step_run_idempotency_key_unique";`);
    this.addSql(`alter table if exists "marketing_journey_enrollment" drop constraint if exists "marketing_journey_enrollment_contact_id_journey_id_unique";`);
    this.addSql(`create table if not exists "marketing_journey" ("id" text not null, "name" text not null, "description" text null, "status" text check ("status" in ('draft', 'live', 'paused', 'archived')) not null default 'draft', "live_version_id" text null, "trigger_kind" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_deleted_at" ON "marketing_journey" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_status" ON "marketing_journey" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_trigger_kind_status" ON "marketing_journey" ("trigger_kind", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_journey_enrollment" ("id" text not null, "journey_id" text not null, "version_id" text not null, "contact_id" text not null, "state" text check ("state" in ('active', 'waiting', 'completed', 'converted', 'exited', 'failed')) not null default 'active', "step_id" text null, "sequence" integer not null default 0, "due_at" timestamptz null, "attempts" integer not null default 0, "last_error" text null, "entered_at" timestamptz not null, "ended_at" timestamptz null, "converted_order_id" text null, "revenue" numeric null, "currency_code" text null, "raw_revenue" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_enrollment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_deleted_at" ON "marketing_journey_enrollment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_due_at" ON "marketing_journey_enrollment" ("due_at") WHERE state IN ('active', 'waiting') AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_contact_id_journey_id_unique" ON "marketing_journey_enrollment" ("contact_id", "journey_id") WHERE state IN ('active', 'waiting') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_journey_id_contact_id_entered_at" ON "marketing_journey_enrollment" ("journey_id", "contact_id", "entered_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_journey_step_run" ("id" text not null, "step_id" text not null, "outcome" text not null, "detail" jsonb null, "idempotency_key" text not null, "at" timestamptz not null, "enrollment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_step_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_step_run_enrollment_id" ON "marketing_journey_step_run" ("enrollment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_step_run_deleted_at" ON "marketing_journey_step_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_step_run_idempotency_key_unique" ON "marketing_journey_step_run" ("idempotency_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_journey_version" ("id" text not null, "number" integer not null, "trigger" jsonb not null, "graph" jsonb not null, "entry" jsonb not null, "goal" jsonb null, "exit" jsonb not null, "published_at" timestamptz null, "published_by" text null, "journey_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_journey_version_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_version_journey_id" ON "marketing_journey_version" ("journey_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_version_deleted_at" ON "marketing_journey_version" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_version_journey_id_number_unique" ON "marketing_journey_version" ("journey_id", "number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_journey_version_journey_id_unique" ON "marketing_journey_version" ("journey_id") WHERE published_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_journey_step_run" add constraint "marketing_journey_step_run_enrollment_id_foreign" foreign key ("enrollment_id") references "marketing_journey_enrollment" ("id") on update cascade;`);

    this.addSql(`alter table if exists "marketing_journey_version" add constraint "marketing_journey_version_journey_id_foreign" foreign key ("journey_id") references "marketing_journey" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_journey_version" drop constraint if exists "marketing_journey_version_journey_id_foreign";`);

    this.addSql(`alter table if exists "marketing_journey_step_run" drop constraint if exists "marketing_journey_step_run_enrollment_id_foreign";`);

    this.addSql(`drop table if exists "marketing_journey" cascade;`);

    this.addSql(`drop table if exists "marketing_journey_enrollment" cascade;`);

    this.addSql(`drop table if exists "marketing_journey_step_run" cascade;`);

    this.addSql(`drop table if exists "marketing_journey_version" cascade;`);
  }

}
