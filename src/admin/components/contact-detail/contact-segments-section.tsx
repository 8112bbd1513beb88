import { Container, Heading } from "@medusajs/ui"
import { ContactSegmentBadges } from "../contact-summary/contact-segment-badges"

export const ContactSegmentsSection = ({ contactId }: { contactId: string }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Segments</Heading>
    </div>
    <div className="px-6 py-4">
      <ContactSegmentBadges contactId={contactId} />
    </div>
  </Container>
)
