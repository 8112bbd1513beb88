/**
 * The campaigns the delivery benchmark sends: a typical ~5 KB table-layout newsletter with six
 * tracked links and four images, in two versions:
 *  - `shared`: the same for every recipient but for the links the plugin makes personal (tracking,
 *    unsubscribe): what SendGrid's batching (one request per 1,000 recipients) is built for;
 *  - `personal`: greets by first name, has a line depending on the contact's orders and names the
 *    recipient's address, so every message differs (SendGrid then takes one request per message).
 */
export type CampaignContent = { subject: string; body: string }

const product = (n: number, name: string, price: string) => `
          <td class="product" width="33%" valign="top" style="padding:8px;text-align:center">
            <a href="https://shop.example.com/products/${name.toLowerCase().replace(/\s+/g, "-")}?utm_source=newsletter&amp;utm_campaign=summer&amp;utm_content=product${n}">
              <img src="https://cdn.example.com/img/product-${n}.jpg" width="160" height="160" alt="${name}" style="display:block;margin:0 auto;border:0">
            </a>
            <p style="margin:8px 0 0;font-size:14px;color:#111827;font-weight:600">${name}</p>
            <p style="margin:4px 0 0;font-size:14px;color:#6b7280"><s>${price}</s> &nbsp;<strong style="color:#b91c1c">-30%</strong></p>
          </td>`

const body = ({ greeting, offer, footer }: { greeting: string; offer: string; footer: string }) => `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Summer sale</title>
  <style>
    body { margin:0; padding:0; background:#f3f4f6; font-family:-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
    .container { width:600px; max-width:100%; margin:0 auto; background:#ffffff; }
    .button { display:inline-block; padding:12px 28px; background:#111827; color:#ffffff !important; text-decoration:none; border-radius:6px; font-weight:600; }
    @media (max-width:620px) { .product { display:block !important; width:100% !important; } }
  </style>
</head>
<body>
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6">
    <tr><td align="center" style="padding:24px 0">
      <table role="presentation" class="container" cellpadding="0" cellspacing="0" border="0">
        <tr><td style="padding:24px 32px;border-bottom:1px solid #e5e7eb">
          <a href="https://shop.example.com/?utm_source=newsletter&amp;utm_campaign=summer"><img src="https://cdn.example.com/img/logo.png" width="120" height="32" alt="Example Shop" style="border:0"></a>
        </td></tr>
        <tr><td style="padding:32px 32px 8px">
          <h1 style="margin:0 0 16px;font-size:26px;line-height:1.3;color:#111827">${greeting}, summer is here &#9728;&#65039;</h1>
          <p style="margin:0 0 12px;font-size:16px;line-height:1.6;color:#374151">
            Our summer sale starts today: up to 30% off sandals, linen shirts and everything you need for warm days.
            ${offer}
          </p>
          <p style="margin:0 0 24px;font-size:16px;line-height:1.6;color:#374151">
            The sale runs until Sunday midnight, while stocks last. New arrivals land every morning, so check back often.
          </p>
          <p style="margin:0 0 8px;text-align:center"><a class="button" href="https://shop.example.com/sale?utm_source=newsletter&amp;utm_campaign=summer&amp;utm_content=hero">Shop the sale</a></p>
        </td></tr>
        <tr><td style="padding:16px 24px">
          <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>${product(1, "Linen Shirt", "&euro;59.00")}${product(2, "Leather Sandals", "&euro;89.00")}${product(3, "Straw Hat", "&euro;35.00")}
          </tr></table>
        </td></tr>
        <tr><td style="padding:16px 32px 32px;font-size:14px;line-height:1.6;color:#6b7280">
          <p style="margin:0 0 8px">Questions about your order? Our team answers within a day: <a href="https://shop.example.com/help?utm_source=newsletter" style="color:#2563eb">visit the help centre</a>.</p>
          <p style="margin:0">${footer}</p>
        </td></tr>
        <tr><td style="padding:16px 32px;background:#f9fafb;font-size:12px;line-height:1.5;color:#9ca3af;text-align:center">
          Example Shop GmbH &middot; Musterstra&szlig;e 1 &middot; 10115 Berlin &middot; Germany<br>
          <a href="{{ unsubscribe_url }}" style="color:#9ca3af">Unsubscribe</a>
        </td></tr>
      </table>
    </td></tr>
  </table>
</body>
</html>
`

export const CONTENT: Record<"shared" | "personal", CampaignContent> = {
  shared: {
    subject: "The summer sale starts now",
    body: body({
      greeting: "Hello",
      offer: "Every order ships free this week.",
      footer: "You receive this email because you subscribed to news from Example Shop.",
    }),
  },
  personal: {
    subject: "{{ contact.first_name | default: 'Hello' }}, the summer sale starts now",
    body: body({
      greeting: `Hi {{ contact.first_name | default: "there" }}`,
      offer:
        "{% if contact.orders_count > 0 %}As a returning customer you get free shipping on every order this week.{% else %}Your first order ships free.{% endif %}",
      footer: "You receive this email because you subscribed to news from Example Shop with {{ contact.email }}.",
    }),
  },
}

/** Contacts with email consent, straight into the audience table: `count` rows in one statement. */
export const insertContactsSql = (count: number) => `
  INSERT INTO marketing_contact (id, email, first_name, last_name, country_code, source, email_consent,
                                 orders_count, total_spent, raw_total_spent, created_at, updated_at)
  SELECT 'mcon_bench' || lpad(i::text, 8, '0'), 'reader' || i || '@bench.example.com',
         (ARRAY['Anna','Ben','Chloé','David','Emma','Felix','Greta','Hugo','Ida','Jonas'])[1 + i % 10], 'Reader',
         (ARRAY['de','fr','nl','at','gb'])[1 + i % 5], 'import', 'subscribed', i % 4, (i % 4) * 40,
         jsonb_build_object('value', ((i % 4) * 40)::text, 'precision', 20), now(), now()
    FROM generate_series(1, ${count}) i`
