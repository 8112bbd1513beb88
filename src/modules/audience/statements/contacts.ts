import { bigNumberRaw } from "../../../lib/sql-columns"

/*
 * The audience module's SQL over contacts (metadata, order aggregates, purchases, template fields, consent confirmation), one
 * named statement each, run by lib/contacts.ts through src/lib/pg-transaction.ts with PostgreSQL's own $1
 * placeholders.
 */

export const LOCK_CONTACT_METADATA = `SELECT metadata FROM marketing_contact WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`

export const SET_CONTACT_METADATA = `UPDATE marketing_contact SET metadata = $2::jsonb, updated_at = now() WHERE id = $1`

/** Contacts' ($1) order aggregates from their purchases; money only in currency $2. */
export const REFRESH_CONTACT_AGGREGATES = `UPDATE marketing_contact c
    SET orders_count = a.orders_count,
        total_spent = a.total_spent,
        raw_total_spent = ${bigNumberRaw("a.total_spent")},
        first_order_at = a.first_order_at,
        last_order_at = a.last_order_at,
        updated_at = now()
   FROM (SELECT c2.id,
                count(DISTINCT p.order_id)::int AS orders_count,
                COALESCE(sum(p.amount) FILTER (WHERE p.currency_code = $2), 0) AS total_spent,
                min(p.purchased_at) AS first_order_at,
                max(p.purchased_at) AS last_order_at
           FROM marketing_contact c2
           LEFT JOIN marketing_purchase p ON p.contact_id = c2.id AND p.deleted_at IS NULL
          WHERE c2.id = ANY($1)
          GROUP BY c2.id) a
  WHERE c.id = a.id`

/**
 * Subscribes contact $1 on channel $2 (whose consent is the column `consent`) if the consent record $3 is still
 * the open request, and records it as consent record $4 with ip $5 and user agent $6; returns the record's id.
 */
export const confirmConsentRequest = (consent: string) => `WITH confirmed AS (
    UPDATE marketing_contact c SET ${consent} = 'subscribed', updated_at = now()
     WHERE c.id = $1 AND c.deleted_at IS NULL AND c.${consent} = 'pending'
       AND EXISTS (
         SELECT 1 FROM marketing_consent_record r
          WHERE r.id = $3 AND r.contact_id = c.id AND r.channel = $2 AND r.status = 'pending' AND r.deleted_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM marketing_consent_record later
               WHERE later.contact_id = c.id AND later.channel = $2 AND later.deleted_at IS NULL
                 AND later.status <> 'pending' AND later.created_at > r.created_at))
     RETURNING c.id)
  INSERT INTO marketing_consent_record (id, contact_id, channel, status, source, ip, user_agent)
  SELECT $4, id, $2, 'subscribed', 'double_opt_in', $5, $6 FROM confirmed
  RETURNING id`

/** Contacts' ($1) purchases at or after $2, oldest first. */
export const PURCHASES_SINCE = `SELECT contact_id, order_id, amount, currency_code, purchased_at FROM marketing_purchase
  WHERE contact_id = ANY($1::text[]) AND purchased_at >= $2 AND deleted_at IS NULL ORDER BY purchased_at`

/** The columns `fields` of contacts $1, erased ones included. */
export const selectContactFields = (fields: readonly string[]) =>
  `SELECT ${fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(", ")} FROM marketing_contact WHERE id = ANY($1::text[])`
