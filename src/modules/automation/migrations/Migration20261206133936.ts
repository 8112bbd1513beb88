import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206133936 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_entered_at_id" ON "marketing_journey_enrollment" ("entered_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_ended_at_id" ON "marketing_journey_enrollment" ("ended_at", "id") WHERE state = 'converted' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_journey_enrollment_entered_at_id";`);
    this.addSql(`drop index if exists "IDX_marketing_journey_enrollment_ended_at_id";`);
  }

}
