// What the demo prints once everything answers: where to go, how to log in, what to try first.

export function readyBanner({ url, admin, seconds, firstRun, databaseUrl, logDir }) {
  const login = JSON.stringify({ email: admin.email, password: admin.password })
  return `
  Medusa marketing demo ready in ${seconds.toFixed(0)} s${firstRun ? " (first run: database created and seeded)" : ""}

  Admin     ${url}/app
  Login     ${admin.email} / ${admin.password}

  Try first
  1. In the admin, open Marketing → Campaigns: drafts, one-off sends scheduled weeks
     ahead, and recurring campaigns that are active or paused.
  2. Create a campaign with a subject, a body and a send time, then schedule it; a
     campaign that is not ready to go out is refused with what is missing.
  3. Call the admin API:
       TOKEN=$(curl -s ${url}/auth/user/emailpass -H 'content-type: application/json' \\
         -d '${login}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
       curl -s "${url}/admin/marketing/campaigns?fields=name,status,channel,scheduled_at" \\
         -H "authorization: Bearer $TOKEN"

  Database  ${databaseUrl}
  Logs      ${logDir}
  Stop      Ctrl-C (stops Medusa and PostgreSQL)
`
}
