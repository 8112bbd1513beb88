import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206063314 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message" add column if not exists "queued_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message" drop column if exists "queued_by";`);
  }

}
