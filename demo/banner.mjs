// What the demo prints once everything answers: where to go, how to log in, what to try first.

export function readyBanner({ url, inboxUrl, admin, seconds, firstRun, databaseUrl, logDir }) {
  const login = JSON.stringify({ email: admin.email, password: admin.password })
  const auth = `-H "authorization: Bearer $TOKEN"`
  return `
  Medusa marketing demo ready in ${seconds.toFixed(0)} s${firstRun ? " (first run: database created and seeded)" : ""}

  Admin     ${url}/app
  Login     ${admin.email} / ${admin.password}
  Inbox     ${inboxUrl} (email), ${inboxUrl}/sms (SMS)
            everything the store sends lands here and nowhere else, until the demo stops

  Try first
  1. Send the campaign that is ready to go: in the admin, Marketing → Campaigns → "Spring sale"
     (an email to the segment "Regulars in Germany") → Send now. Or with the admin API:
       TOKEN=$(curl -s ${url}/auth/user/emailpass -H 'content-type: application/json' \\
         -d '${login}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
       ID=$(curl -s "${url}/admin/marketing/campaigns?q=Spring%20sale&fields=id" ${auth} \\
         | node -pe 'JSON.parse(require("fs").readFileSync(0)).campaigns[0].id')
       curl -s -X POST ${url}/admin/marketing/campaigns/$ID/send ${auth}
     A campaign goes out once; for a store where it is ready again, delete .demo/ and restart.
  2. Read the emails in the inbox, open one, click its links. Opens and clicks within 10 s of
     sending count as a mail scanner's, not a reader's. Watch the numbers move on the campaign's
     page or with:
       curl -s ${url}/admin/marketing/campaigns/$ID/delivery ${auth}
     "Trail Runners back in stock" is a text message ready to send the same way: see the SMS page.
  3. The other campaigns show every state: drafts, one-off sends scheduled weeks ahead, and
     recurring campaigns that are active or paused. Create one with a subject, a body and a send
     time, then schedule it; a campaign that is not ready to go out is refused with what is missing.

  Database  ${databaseUrl}
  Logs      ${logDir}
  Stop      Ctrl-C (stops Medusa, the inbox and PostgreSQL)
`
}
