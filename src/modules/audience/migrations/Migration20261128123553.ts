import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128123553 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_suppression" drop constraint if exists "marketing_suppression_channel_address_unique";`);
    this.addSql(`alter table if exists "marketing_segment_member" drop constraint if exists "marketing_segment_member_segment_id_contact_id_unique";`);
    this.addSql(`alter table if exists "marketing_segment" drop constraint if exists "marketing_segment_handle_unique";`);
    this.addSql(`alter table if exists "marketing_purchase" drop constraint if exists "marketing_purchase_line_item_id_unique";`);
    this.addSql(`alter table if exists "marketing_contact" drop constraint if exists "marketing_contact_customer_id_unique";`);
    this.addSql(`alter table if exists "marketing_contact" drop constraint if exists "marketing_contact_phone_unique";`);
    this.addSql(`alter table if exists "marketing_contact" drop constraint if exists "marketing_contact_email_unique";`);
    this.addSql(`create table if not exists "marketing_contact" ("id" text not null, "email" text null, "phone" text null, "first_name" text null, "last_name" text null, "country_code" text null, "timezone" text null, "customer_id" text null, "has_account" boolean not null default false, "customer_groups" text[] not null default '{}', "source" text check ("source" in ('customer', 'import', 'subscribe', 'manual')) not null default 'manual', "email_consent" text check ("email_consent" in ('subscribed', 'unsubscribed', 'pending')) null, "sms_consent" text check ("sms_consent" in ('subscribed', 'unsubscribed', 'pending')) null, "orders_count" integer not null default 0, "total_spent" numeric not null default 0, "first_order_at" timestamptz null, "last_order_at" timestamptz null, "metadata" jsonb null, "raw_total_spent" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_contact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_deleted_at" ON "marketing_contact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_contact_email_unique" ON "marketing_contact" ("email") WHERE email IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_contact_phone_unique" ON "marketing_contact" ("phone") WHERE phone IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_contact_customer_id_unique" ON "marketing_contact" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_country_code" ON "marketing_contact" ("country_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_total_spent" ON "marketing_contact" ("total_spent") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_orders_count" ON "marketing_contact" ("orders_count") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_last_order_at" ON "marketing_contact" ("last_order_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_first_order_at" ON "marketing_contact" ("first_order_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_created_at" ON "marketing_contact" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_contact_customer_groups" ON "marketing_contact" USING GIN ("customer_groups") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_consent_record" ("id" text not null, "channel" text check ("channel" in ('email', 'sms')) not null, "status" text check ("status" in ('subscribed', 'unsubscribed', 'pending')) not null, "source" text not null, "ip" text null, "user_agent" text null, "contact_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_consent_record_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_consent_record_contact_id" ON "marketing_consent_record" ("contact_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_consent_record_deleted_at" ON "marketing_consent_record" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_consent_record_contact_id_channel_created_at" ON "marketing_consent_record" ("contact_id", "channel", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_purchase" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "product_id" text null, "product_keys" text[] not null default '{}', "category_keys" text[] not null default '{}', "collection_keys" text[] not null default '{}', "quantity" integer not null, "amount" numeric not null, "currency_code" text not null, "purchased_at" timestamptz not null, "contact_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_contact_id" ON "marketing_purchase" ("contact_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_deleted_at" ON "marketing_purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_purchase_line_item_id_unique" ON "marketing_purchase" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_contact_id_purchased_at" ON "marketing_purchase" ("contact_id", "purchased_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_order_id" ON "marketing_purchase" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_category_keys" ON "marketing_purchase" USING GIN ("category_keys") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_product_keys" ON "marketing_purchase" USING GIN ("product_keys") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_purchase_collection_keys" ON "marketing_purchase" USING GIN ("collection_keys") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_segment" ("id" text not null, "name" text not null, "handle" text not null, "description" text null, "dsl" text not null, "kind" text check ("kind" in ('live', 'static')) not null default 'live', "member_count" integer null, "counted_at" timestamptz null, "customer_group_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_segment_deleted_at" ON "marketing_segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_segment_handle_unique" ON "marketing_segment" ("handle") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_segment_member" ("id" text not null, "contact_id" text not null, "segment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_segment_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_segment_member_segment_id" ON "marketing_segment_member" ("segment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_segment_member_deleted_at" ON "marketing_segment_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_segment_member_segment_id_contact_id_unique" ON "marketing_segment_member" ("segment_id", "contact_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_segment_member_contact_id" ON "marketing_segment_member" ("contact_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_suppression" ("id" text not null, "channel" text check ("channel" in ('email', 'sms')) not null, "address" text not null, "reason" text check ("reason" in ('manual', 'bounce', 'complaint', 'unsubscribe')) not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_suppression_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_suppression_deleted_at" ON "marketing_suppression" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_suppression_channel_address_unique" ON "marketing_suppression" ("channel", "address") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "marketing_consent_record" add constraint "marketing_consent_record_contact_id_foreign" foreign key ("contact_id") references "marketing_contact" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "marketing_purchase" add constraint "marketing_purchase_contact_id_foreign" foreign key ("contact_id") references "marketing_contact" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "marketing_segment_member" add constraint "marketing_segment_member_segment_id_foreign" foreign key ("segment_id") references "marketing_segment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "marketing_consent_record" drop constraint if exists "marketing_consent_record_contact_id_foreign";`);

    this.addSql(`alter table if exists "marketing_purchase" drop constraint if exists "marketing_purchase_contact_id_foreign";`);

    this.addSql(`alter table if exists "marketing_segment_member" drop constraint if exists "marketing_segment_member_segment_id_foreign";`);

    this.addSql(`drop table if exists "marketing_contact" cascade;`);

    this.addSql(`drop table if exists "marketing_consent_record" cascade;`);

    this.addSql(`drop table if exists "marketing_purchase" cascade;`);

    this.addSql(`drop table if exists "marketing_segment" cascade;`);

    this.addSql(`drop table if exists "marketing_segment_member" cascade;`);

    this.addSql(`drop table if exists "marketing_suppression" cascade;`);
  }

}
