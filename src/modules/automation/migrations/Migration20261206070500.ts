import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The entry index holds ended enrollments only: running ones are found through the one-running
 * unique index, and each claim and step of a running enrollment no longer writes an entry here.
 * Written by hand: the generator does not see a change of an index's condition.
 */
export class Migration20261206070500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_journey_enrollment_journey_id_contact_id_entered_at";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_journey_id_contact_id_entered_at" ON "marketing_journey_enrollment" ("journey_id", "contact_id", "entered_at") WHERE state NOT IN ('active', 'waiting') AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_journey_enrollment_journey_id_contact_id_entered_at";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_journey_id_contact_id_entered_at" ON "marketing_journey_enrollment" ("journey_id", "contact_id", "entered_at") WHERE deleted_at IS NULL;`);
  }

}
