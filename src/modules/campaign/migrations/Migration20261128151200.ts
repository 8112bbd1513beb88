import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128151200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_campaign" add column if not exists "last_occurrence_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_campaign" drop column if exists "last_occurrence_at";`);
  }

}
