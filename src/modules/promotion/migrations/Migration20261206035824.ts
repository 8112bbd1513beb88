import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206035824 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_redeemed_at_id" ON "marketing_promotion_redemption" ("redeemed_at", "id") WHERE redeemed_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_promotion_redemption_released_at_id" ON "marketing_promotion_redemption" ("released_at", "id") WHERE released_at IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_marketing_promotion_redemption_redeemed_at_id";`);
    this.addSql(`drop index if exists "IDX_marketing_promotion_redemption_released_at_id";`);
  }

}
