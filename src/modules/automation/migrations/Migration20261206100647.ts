import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The claim's lease gets its own column, in no index, and each page of enrollments keeps half free
 * (fillfactor, by hand: the generator does not see it) for the new versions of a claim, which takes
 * rows enrolled together together, so that claiming is a HOT update that writes no index entry; running enrollments get an index by journey for the admin's reads of one
 * journey (bench:journeys).
 */
export class Migration20261206100647 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_journey_enrollment" add column if not exists "leased_until" timestamptz null;`);
    this.addSql(`alter table if exists "marketing_journey_enrollment" set (fillfactor = 50);`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_journey_enrollment_journey_id_state_step_id" ON "marketing_journey_enrollment" ("journey_id", "state", "step_id") WHERE state IN ('active', 'waiting') AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_journey_enrollment_journey_id_state_step_id";`);
    this.addSql(`alter table if exists "marketing_journey_enrollment" reset (fillfactor);`);
    this.addSql(`alter table if exists "marketing_journey_enrollment" drop column if exists "leased_until";`);
  }

}
