/**
 * `npm run bench:codes`: in a PostgreSQL of its own, one Medusa process (`medusa exec` of this same
 * file) generates 1,000,000 codes for one promotion through the generate-codes workflow that
 * `POST /admin/marketing/promotions/:id/codes` runs, then streams them all as CSV through the export
 * route's writer into a byte counter, twice: right after generating, and after ANALYZE. Prints the
 * times, rows/s, the CPU used by Medusa, PostgreSQL and the rest of the machine, the export's peak
 * memory and the duplicates SQL finds (must be 0). BENCH_CODES changes the count.
 */
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import readline from "node:readline"
import { Writable } from "node:stream"
import { ExecArgs } from "@medusajs/framework/types"
import { writePromotionCodesCsv } from "../src/api/admin/marketing/promotions/[id]/codes/export/csv"
import PromotionModuleService from "../src/modules/promotion/service"
import { MarketingModule } from "../src/types/modules"
import { createUniqueCodePromotion } from "../integration-tests/helpers/promotions"
import { DEFAULT_CODE_PATTERN } from "../src/workflows/promotion/steps/generate-promotion-codes"
import { generatePromotionCodesWorkflow } from "../src/workflows/promotion/workflows/generate-promotion-codes"
import {
  codeVersion,
  cpuOf,
  cpuSeconds,
  machineCpuSeconds,
  machineState,
  medusaEnv,
  medusaExec,
  postgresPids,
  PROTOCOL_PREFIX,
  runBenchmark,
  scratchDir,
  startDatabase,
} from "./lib/harness"

const COUNT = Number(process.env.BENCH_CODES ?? 1_000_000)
const TARGET_SECONDS = 30

const say = (message: Record<string, unknown>) => process.stdout.write(`\n${PROTOCOL_PREFIX}${JSON.stringify(message)}\n`)

async function generate(service: PromotionModuleService, container: ExecArgs["container"], promotionId: string) {
  // The workflow's own time next to that of the set-based generator inside it.
  const generateCodes = service.generateCodes.bind(service)
  let generatorMs = 0
  service.generateCodes = async (...args: Parameters<typeof generateCodes>) => {
    const started = performance.now()
    try {
      return await generateCodes(...args)
    } finally {
      generatorMs += performance.now() - started
    }
  }
  const started = performance.now()
  const { result } = await generatePromotionCodesWorkflow(container).run({
    input: { promotion_id: promotionId, count: COUNT, pattern: DEFAULT_CODE_PATTERN },
  })
  return { ms: performance.now() - started, generatorMs, ...result }
}

async function exportCsv(service: PromotionModuleService, promotionId: string) {
  let bytes = 0
  let newlines = 0
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      for (const byte of chunk) if (byte === 10) newlines++
      done()
    },
  })
  const rssBefore = process.memoryUsage().rss
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  const started = performance.now()
  await writePromotionCodesCsv(service, { promotion_id: promotionId }, counter)
  clearInterval(sampler)
  return { ms: performance.now() - started, bytes, rows: newlines - 1, rssBefore, peakRss }
}

/** The Medusa side, run by `medusa exec`: boots (not measured), then generates and exports on command. */
export default async function benchCodes({ container }: ExecArgs) {
  const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const promotion = await createUniqueCodePromotion(service, { name: "Bench" })
  say({ event: "ready" })
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue
    const { cmd } = JSON.parse(line)
    try {
      if (cmd === "generate") say({ event: "generated", ...(await generate(service, container, promotion.id)) })
      else if (cmd === "export") say({ event: "exported", ...(await exportCsv(service, promotion.id)) })
      else throw new Error(`unknown command ${line}`)
    } catch (error) {
      say({ event: "error", message: (error as Error).stack ?? String(error) })
    }
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

async function main() {
  console.log(`bench:codes — ${COUNT.toLocaleString("en")} codes; code ${await codeVersion()}; machine: ${machineState()}`)
  const dir = scratchDir("codes-bench")
  const db = await startDatabase(dir, "marketing_codes_bench")
  const medusa = medusaExec("medusa", "./bench/codes.ts", medusaEnv(db.url), path.join(dir, "medusa.log"))
  await medusa.next("ready", 5 * 60_000)

  /** Runs a command, with the CPU that Medusa, PostgreSQL and everything else on the machine used meanwhile. */
  const measure = async (cmd: string, answer: string) => {
    const cpu = () => ({ medusa: cpuSeconds(medusa.child.pid!) ?? 0, postgres: cpuOf(postgresPids(db.dataDir)), all: machineCpuSeconds() ?? 0 })
    const before = cpu()
    const message = await medusa.request({ cmd }, answer)
    const after = cpu()
    const seconds = message.ms / 1000
    const medusaCpu = after.medusa - before.medusa
    const postgresCpu = after.postgres - before.postgres
    const others = after.all - before.all - medusaCpu - postgresCpu
    const usage = `CPU: Medusa ${medusaCpu.toFixed(1)} s, PostgreSQL ${postgresCpu.toFixed(1)} s, other processes ${(others / seconds).toFixed(1)} of ${os.cpus().length} cores`
    return { message, seconds, usage }
  }

  const generated = await measure("generate", "generated")
  const { rows: [stored] } = await db.query(
    `SELECT count(*)::int AS codes, (count(*) - count(DISTINCT code))::int AS duplicates
       FROM marketing_promotion_code WHERE deleted_at IS NULL`
  )
  const count = generated.message.count as number
  console.log(`\ngenerate ${count.toLocaleString("en")} codes (${DEFAULT_CODE_PATTERN}), workflow as the route runs it:`)
  console.log(
    `  ${generated.seconds.toFixed(1)} s, ${Math.round(count / generated.seconds).toLocaleString("en")} rows/s ` +
      `(generateCodes itself ${(generated.message.generatorMs / 1000).toFixed(1)} s); ${generated.usage}`
  )
  console.log(`  stored: ${stored.codes.toLocaleString("en")}; duplicates found by SQL: ${stored.duplicates} (must be 0)`)
  console.log(`  target <= ${TARGET_SECONDS} s: ${generated.seconds <= TARGET_SECONDS ? "met" : "MISSED"}`)

  const report = (label: string, { message, seconds, usage }: Awaited<ReturnType<typeof measure>>) => {
    console.log(`\nCSV export of the ${message.rows.toLocaleString("en")} codes ${label}:`)
    console.log(`  ${seconds.toFixed(1)} s, ${Math.round(message.rows / seconds).toLocaleString("en")} rows/s, ${mib(message.bytes)} of CSV; ${usage}`)
    console.log(`  Medusa process memory: ${mib(message.rssBefore)} before, ${mib(message.peakRss)} at most while exporting`)
    return message.rows as number
  }
  // Right after the batch the planner still has the empty table's statistics; autovacuum's ANALYZE follows within about a minute.
  const rows = report("right after generating them (route's writer, pages of 10,000)", await measure("export", "exported"))
  await db.query("ANALYZE marketing_promotion_code")
  report("again after ANALYZE", await measure("export", "exported"))
  await medusa.stop()

  if (stored.duplicates !== 0 || stored.codes !== COUNT || rows !== COUNT) {
    throw new Error(`expected ${COUNT} distinct codes stored and exported`)
  }
}

if (require.main === module) runBenchmark(main)
