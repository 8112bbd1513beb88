import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128131655 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "marketing_contact_import" ("id" text not null, "status" text check ("status" in ('pending', 'processing', 'completed', 'failed')) not null default 'pending', "file_id" text not null, "filename" text not null, "processed_rows" integer not null default 0, "created_count" integer not null default 0, "updated_count" integer not null default 0, "rejected_count" integer not null default 0, "problems" jsonb not null default '{"rows":[]}', "error" text null, "created_by" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_contact_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_import_deleted_at" ON "marketing_contact_import" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_contact_import" cascade;`);
  }

}
