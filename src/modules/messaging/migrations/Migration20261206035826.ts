import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206035826 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_sent_at_id" ON "marketing_message" ("sent_at", "id") WHERE sent_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_event_created_at_id" ON "marketing_message_event" ("created_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_message_sent_at_id";`);

    this.addSql(`drop index if exists "IDX_marketing_message_event_created_at_id";`);
  }

}
