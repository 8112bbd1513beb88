import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { untilLocksAwaited } from "../../../../integration-tests/helpers/lock-waits"
import { MarketingModule } from "../../../types/modules"
import WebhookModuleService from "../service"
import { CLAIM_DUE_DELIVERIES } from "../statements"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<WebhookModuleService>({
  moduleName: MarketingModule.WEBHOOK,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.forkManager().getKnex()
    const state = async (id: string) =>
      (await knex().raw(`SELECT status, attempts, leased_until FROM marketing_webhook_delivery WHERE id = ?`, [id])).rows[0]

    async function delivery(status: "pending" | "failed") {
      const [endpoint] = await service.createWebhookEndpoints([{ url: "https://hooks.example.com/m", events: ["message.opened"], secret: "whsec_test" }])
      const [created] = await service.createWebhookDeliveries([
        {
          endpoint_id: endpoint.id,
          event_id: "mevt_1",
          event_type: "message.opened",
          payload: { id: "mevt_1" },
          status,
          attempts: status === "failed" ? 3 : 1,
          next_attempt_at: status === "pending" ? new Date(Date.now() - 1_000) : null,
        },
      ])
      return { endpoint_id: endpoint.id, delivery_id: created.id }
    }

    it("waits for a worker's claim under way, then refuses to queue what is being sent", async () => {
      const ids = await delivery("pending")
      const worker = await knex().transaction()
      const { rows: claimed } = await worker.raw(CLAIM_DUE_DELIVERIES.replace(/\$(\d)/g, "?"), [10, 60_000])
      expect(claimed.map((c: { id: string }) => c.id)).toEqual([ids.delivery_id])

      const resend = service.requeueDelivery(ids).then(
        () => "queued",
        (error: Error) => error.message
      )
      await untilLocksAwaited((sql) => knex().raw(sql))
      await worker.commit()

      expect(await resend).toContain("being sent")
      expect(await state(ids.delivery_id)).toMatchObject({ status: "sending", attempts: 2 })
    })

    it("queues a failed delivery from its first attempt, and its undo gives the old state back unless it was claimed since", async () => {
      const ids = await delivery("failed")
      const before = await service.requeueDelivery(ids)
      expect(before).toMatchObject({ id: ids.delivery_id, status: "failed", attempts: 3 })
      expect(await state(ids.delivery_id)).toMatchObject({ status: "pending", attempts: 0, leased_until: null })

      await service.revertRequeuedDelivery(before)
      expect(await state(ids.delivery_id)).toMatchObject({ status: "failed", attempts: 3 })

      await service.requeueDelivery(ids)
      expect(await service.claimDueDeliveries({ limit: 10, leaseMs: 60_000 })).toHaveLength(1)
      await service.revertRequeuedDelivery(before)
      expect(await state(ids.delivery_id)).toMatchObject({ status: "sending", attempts: 1 })
    })

    it("answers an unknown delivery, or another endpoint's, as not found", async () => {
      const ids = await delivery("failed")
      await expect(service.requeueDelivery({ ...ids, delivery_id: "mwhd_missing" })).rejects.toThrow("no such delivery")
      await expect(service.requeueDelivery({ ...ids, endpoint_id: "mwhe_other" })).rejects.toThrow("no such delivery")
    })
  },
})
