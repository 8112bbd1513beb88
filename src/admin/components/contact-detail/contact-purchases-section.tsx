import { Container, Heading } from "@medusajs/ui"
import type { AdminContact } from "../../types/contacts"
import { ContactStatsRows } from "../contact-summary/contact-stats-rows"

export const ContactPurchasesSection = ({ contact }: { contact: AdminContact }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Purchases</Heading>
    </div>
    <ContactStatsRows contact={contact} />
  </Container>
)
