import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206035135 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message_event" add column if not exists "permanent" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message_event" drop column if exists "permanent";`);
  }

}
