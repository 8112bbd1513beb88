import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128121548 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "marketing_audit_entry" ("id" text not null, "actor_type" text check ("actor_type" in ('user', 'api_key', 'system')) not null, "actor_id" text null, "action" text not null, "resource_type" text not null, "resource_id" text not null, "changes" jsonb null, "request_id" text null, "ip" text null, "user_agent" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_audit_entry_deleted_at" ON "marketing_audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_audit_entry_resource_type_resource_id" ON "marketing_audit_entry" ("resource_type", "resource_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_audit_entry_actor_id" ON "marketing_audit_entry" ("actor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_audit_entry_action" ON "marketing_audit_entry" ("action") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_audit_entry_created_at" ON "marketing_audit_entry" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_audit_entry" cascade;`);
  }

}
