import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206203044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_journey_enrollment" add column if not exists "event_properties" jsonb null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_contact_id" ON "marketing_journey_enrollment" ("contact_id") WHERE event_properties IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_journey_enrollment_contact_id";`);
    this.addSql(`alter table if exists "marketing_journey_enrollment" drop column if exists "event_properties";`);
  }

}
