import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { untilLocksAwaited } from "../../../../integration-tests/helpers/lock-waits"
import { MarketingModule } from "../../../types/modules"
import AutomationModuleService from "../service"

jest.setTimeout(60_000)

/** Two waiting enrollments whose ids sort against the order the table and its indexes hold them in. */
const LATER_ID = "mjenr_z_first_in_the_heap"
const EARLIER_ID = "mjenr_a_second_in_the_heap"
const JOURNEY_ID = "mjrn_locks"

moduleIntegrationTestRunner<AutomationModuleService>({
  moduleName: MarketingModule.AUTOMATION,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.forkManager().getKnex()

    beforeEach(async () => {
      for (const [id, contactId] of [[LATER_ID, "mcon_a"], [EARLIER_ID, "mcon_b"]]) {
        await knex().raw(
          `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, waiting_until, attempts, entered_at)
           VALUES (?, ?, 'mjver_locks', ?, 'waiting', 'hold', 0, now() + interval '1 day', now() + interval '1 day', 0, now())`,
          [id, JOURNEY_ID, contactId]
        )
      }
    })

    /**
     * Runs `statement` while another transaction holds the later id's row: whether it has locked the
     * earlier id's row before it waits (ids locked in order) is read by a NOWAIT lock of that row.
     */
    async function earlierRowLockedWhileWaiting(statement: () => Promise<unknown>) {
      const holder = await knex().transaction()
      await holder.raw(`SELECT 1 FROM marketing_journey_enrollment WHERE id = ? FOR NO KEY UPDATE`, [LATER_ID])
      const running = statement()
      await untilLocksAwaited((sql) => knex().raw(sql))
      const probe = await knex().transaction()
      const locked = await probe
        .raw(`SELECT 1 FROM marketing_journey_enrollment WHERE id = ? FOR NO KEY UPDATE NOWAIT`, [EARLIER_ID])
        .then(() => false, (error: { code?: string }) => (error.code === "55P03" ? true : Promise.reject(error)))
      await probe.rollback()
      await holder.commit()
      await running
      return locked
    }

    it("wakes a contact's waiting enrollments locking them in id order", async () => {
      expect(await earlierRowLockedWhileWaiting(() => service.wakeWaitingEnrollments(["mcon_a", "mcon_b"]))).toBe(true)
    })

    it("records a round's steps locking the enrollments in id order", async () => {
      const parked = (enrollment_id: string) => ({
        enrollment_id,
        sequence: 0,
        step_id: "hold",
        outcome: "waiting",
        detail: null,
        idempotency_key: null,
        advances: false,
        move: { state: "waiting" as const, step_id: "hold", due_at: new Date(Date.now() + 60_000) },
      })
      const moved = earlierRowLockedWhileWaiting(() => service.recordSteps([parked(LATER_ID), parked(EARLIER_ID)]))
      expect(await moved).toBe(true)
    })

    it("exits an archived journey's running enrollments locking them in id order", async () => {
      expect(await earlierRowLockedWhileWaiting(() => service.exitRunningEnrollments(JOURNEY_ID))).toBe(true)
      const [{ n }] = (await knex().raw(`SELECT count(*)::int AS n FROM marketing_journey_enrollment WHERE state = 'exited'`)).rows
      expect(n).toBe(2)
    })
  },
})
