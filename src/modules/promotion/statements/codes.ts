import { CodePattern } from "../lib/code-pattern"

/*
 * The promotion module's SQL over its codes (generation, export pages, assignment, void, withdrawal), one named
 * statement each, run through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

/** Codes are written and changed in pages this large: one statement each, so that 1M codes are 20 statements. */
export const CODE_PAGE = 50_000

/**
 * A pattern as one flat SQL expression over a candidate's random bytes (`c.bytes`), literal runs bound
 * from $6 on: per row, a concatenation is several times cheaper than aggregating the positions.
 */
function codeExpression(pattern: CodePattern) {
  const parts: string[] = []
  const literals: string[] = []
  let literal = ""
  const flush = () => {
    if (!literal) return
    literals.push(literal)
    parts.push(`$${5 + literals.length}::text`)
    literal = ""
  }
  pattern.byteIndexes.forEach((byteIndex, position) => {
    if (byteIndex < 0) {
      literal += pattern.literals[position]
      return
    }
    flush()
    parts.push(`substr($2, get_byte(c.bytes, ${byteIndex}) % 32 + 1, 1)`)
  })
  flush()
  return { expression: parts.join(" || "), literals }
}

/**
 * Inserts up to $1 new codes of a pattern for promotion $4 in batch $3 (alphabet $2, running numbers after $5,
 * the pattern's literal runs from $6 on), skipping any that already exists; returns how many it inserted.
 * Ids follow the batch's own (time-ordered) id and a running number, so that the primary key grows at its end
 * instead of taking a random page for every code.
 */
export function insertGeneratedCodes(pattern: CodePattern) {
  const { expression, literals } = codeExpression(pattern)
  const statement = `WITH candidates AS (
       SELECT n, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) AS bytes
         FROM generate_series($5::int + 1, $5::int + $1::int) AS n
     ), inserted AS (
       INSERT INTO marketing_promotion_code (id, code, status, batch_id, promotion_id, created_at, updated_at)
       SELECT 'mpcode_' || substr($3, 9) || lpad(c.n::text, 7, '0'), ${expression}, 'available', $3, $4, now(), now()
         FROM candidates c
       ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING
       RETURNING 1
     )
     SELECT count(*) AS inserted FROM inserted`
  return { statement, literals }
}

export const ANALYZE_CODES = "ANALYZE marketing_promotion_code"

/**
 * One page of a change to a promotion's ($1) live codes past id $2: `set` on those matching `where` (over `c`,
 * parameters from $3). The UPDATE checks `where` again, on the current row, for codes changed since the page was
 * read. Returns the page's last id (null when done) and how many codes changed.
 */
const codesPage = (set: string, where: string) => `WITH page AS (
    SELECT c.id FROM marketing_promotion_code c
     WHERE c.promotion_id = $1 AND c.id > $2 AND c.deleted_at IS NULL AND ${where}
     ORDER BY c.id LIMIT ${CODE_PAGE}
  ), changed AS (
    UPDATE marketing_promotion_code c SET ${set}
      FROM page WHERE c.id = page.id AND c.deleted_at IS NULL AND ${where}
    RETURNING 1
  )
  SELECT (SELECT max(id) FROM page) AS last, (SELECT count(*) FROM changed) AS changed`

/** Voids available codes, those listed ($3) or of a batch ($4), marking them with $5 as updated_at. */
export const VOID_AVAILABLE_CODES_PAGE = codesPage(
  "status = 'void', updated_at = $5",
  "c.status = 'available' AND ($3::text[] IS NULL OR c.id = ANY($3::text[])) AND ($4::text IS NULL OR c.batch_id = $4)"
)

/** Soft-deletes codes with $3 as their mark. */
export const WITHDRAW_CODES_PAGE = codesPage("deleted_at = $3, updated_at = $3", "true")

export const CODES_OF_PROMOTION_AFTER = `SELECT id, code, status, contact_id, order_id, batch_id, created_at, redeemed_at
   FROM marketing_promotion_code
  WHERE promotion_id = $1 AND deleted_at IS NULL
    AND ($2::text IS NULL OR batch_id = $2) AND ($3::text IS NULL OR id > $3)
  ORDER BY id LIMIT $4`

export const CODE_BATCHES_OF_PROMOTION = `SELECT batch_id, min(created_at) AS created_at, count(*) AS count,
        count(*) FILTER (WHERE status = 'available') AS available,
        count(*) FILTER (WHERE contact_id IS NOT NULL) AS assigned,
        count(*) FILTER (WHERE status = 'available' AND contact_id IS NULL) AS unassigned
   FROM marketing_promotion_code
  WHERE promotion_id = $1 AND deleted_at IS NULL
  GROUP BY batch_id ORDER BY min(created_at), batch_id`

export const OWN_CODES_OF_CONTACTS = `SELECT DISTINCT ON (p.campaign_id, c.contact_id) p.campaign_id, c.contact_id, c.code
   FROM marketing_promotion_code c
   JOIN marketing_promotion p ON p.id = c.promotion_id AND p.deleted_at IS NULL AND p.status = 'active'
  WHERE p.campaign_id = ANY($1::text[]) AND c.contact_id = ANY($2::text[])
    AND c.status = 'available' AND c.deleted_at IS NULL
  ORDER BY p.campaign_id, c.contact_id, c.created_at, c.id`

export const LOCK_CODE_ASSIGNMENT = `SELECT pg_advisory_xact_lock(hashtext('marketing_promotion_code:assign:' || $1))`

export const ASSIGN_FREE_CODES = `WITH wanted AS (
    SELECT contact_id, row_number() OVER (ORDER BY contact_id) AS n
      FROM (SELECT DISTINCT unnest($2::text[]) AS contact_id) listed
     WHERE NOT EXISTS (
       SELECT 1 FROM marketing_promotion_code held
        WHERE held.promotion_id = $1 AND held.contact_id = listed.contact_id
          AND held.status <> 'void' AND held.deleted_at IS NULL)
  ), free AS (
    SELECT id FROM marketing_promotion_code
     WHERE promotion_id = $1 AND status = 'available' AND contact_id IS NULL AND deleted_at IS NULL
     ORDER BY id LIMIT (SELECT count(*) FROM wanted)
     FOR UPDATE SKIP LOCKED
  ), paired AS (
    SELECT f.id, w.contact_id
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM free) f JOIN wanted w USING (n)
     WHERE (SELECT count(*) FROM free) = (SELECT count(*) FROM wanted)
  ), assigned AS (
    UPDATE marketing_promotion_code c SET contact_id = p.contact_id, updated_at = now()
      FROM paired p WHERE c.id = p.id
    RETURNING c.id
  )
  SELECT (SELECT count(*) FROM wanted) - (SELECT count(*) FROM free) AS missing,
         coalesce((SELECT array_agg(id) FROM assigned), '{}') AS code_ids`

export const UNASSIGN_AVAILABLE_CODES = `UPDATE marketing_promotion_code SET contact_id = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND status = 'available'`

export const UNVOID_CODES_VOIDED_AT = `UPDATE marketing_promotion_code SET status = 'available', updated_at = now()
  WHERE promotion_id = $1 AND status = 'void' AND updated_at = $2 AND deleted_at IS NULL`

export const WITHDRAW_CODE_BATCH = `UPDATE marketing_promotion_code SET deleted_at = now(), updated_at = now() WHERE batch_id = $1 AND deleted_at IS NULL`

export const WITHDRAW_PROMOTIONS = `UPDATE marketing_promotion SET deleted_at = $2, updated_at = $2 WHERE id = ANY($1::text[]) AND deleted_at IS NULL`

export const REINSTATE_WITHDRAWN_PROMOTIONS = `WITH codes AS (
    UPDATE marketing_promotion_code SET deleted_at = NULL, updated_at = now()
     WHERE promotion_id = ANY($1::text[]) AND deleted_at = $2
  )
  UPDATE marketing_promotion SET deleted_at = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND deleted_at = $2`
