import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206134606 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_order_attribution" add column if not exists "canceled_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_order_attribution_canceled_at_id" ON "marketing_order_attribution" ("canceled_at", "id") WHERE canceled_at IS NOT NULL AND deleted_at IS NULL;`);
    // Orders cancelled before the stamp existed: Medusa's own time, which the rollup's cursor read until now.
    this.addSql(`DO $$ BEGIN
      IF to_regclass('"order"') IS NOT NULL THEN
        UPDATE "marketing_order_attribution" a SET "canceled_at" = o.canceled_at
          FROM "order" o WHERE o.id = a.order_id AND o.canceled_at IS NOT NULL AND a.canceled_at IS NULL;
      END IF;
    END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_order_attribution_canceled_at_id";`);
    this.addSql(`alter table if exists "marketing_order_attribution" drop column if exists "canceled_at";`);
  }

}
