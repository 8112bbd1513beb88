import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ConsentChannel, ConsentStatus } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import AudienceModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AudienceModuleService>({
  moduleName: MarketingModule.AUDIENCE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("confirms a double opt-in in the caller's transaction: a suppression the caller added there refuses it", async () => {
      const contact = await service.createContacts({ email: "ada@example.com", email_consent: ConsentStatus.PENDING })
      const request = await service.createConsentRecords({
        contact_id: contact.id,
        channel: ConsentChannel.EMAIL,
        status: ConsentStatus.PENDING,
        source: "form",
      })
      const confirm = { contact_id: contact.id, channel: ConsentChannel.EMAIL, request_id: request.id, ip: null, user_agent: null }

      const suppressedFirst = MikroOrmWrapper.forkManager().transactional(async (transactionManager) => {
        const context = { transactionManager }
        await service.createSuppressions({ channel: ConsentChannel.EMAIL, address: "ada@example.com", reason: "manual" }, context)
        expect(await service.confirmPendingConsent(confirm, context)).toBeNull()
        throw new Error("a later step failed")
      })
      await expect(suppressedFirst).rejects.toThrow("a later step failed")

      // Rolled back with the caller: the request is still open, and confirms outside it.
      expect(await service.confirmPendingConsent(confirm)).toEqual(expect.stringMatching(/^mcst_/))
      expect((await service.retrieveContact(contact.id)).email_consent).toBe(ConsentStatus.SUBSCRIBED)
    })

    it("imports a chunk of contacts all or nothing: a row that fails leaves the chunk's updates undone", async () => {
      const known = await service.createContacts({ email: "grace@example.com", first_name: "Grace" })
      const chunk = [
        { email: "grace@example.com", phone: null, first_name: "Grace B." },
        { email: "new@example.com", phone: null, email_consent: "maybe" as ConsentStatus },
      ]
      await expect(service.upsertImportedContacts(chunk)).rejects.toThrow()
      expect((await service.retrieveContact(known.id)).first_name).toBe("Grace")
      expect(await service.listContacts({ email: "new@example.com" })).toHaveLength(0)
    })
  },
})
