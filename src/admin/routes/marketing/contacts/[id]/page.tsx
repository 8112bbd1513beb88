import { UIMatch, useParams } from "react-router-dom"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { TwoColumnLayout } from "../../../../components/common/two-column-layout"
import { ContactActivitySection } from "../../../../components/contact-detail/contact-activity-section"
import { ContactBreadcrumb } from "../../../../components/contact-detail/contact-breadcrumb"
import { ContactConsentSection } from "../../../../components/contact-detail/contact-consent-section"
import { ContactGeneralSection } from "../../../../components/contact-detail/contact-general-section"
import { ContactJourneysSection } from "../../../../components/contact-detail/contact-journeys-section"
import { ContactPurchasesSection } from "../../../../components/contact-detail/contact-purchases-section"
import { ContactSegmentsSection } from "../../../../components/contact-detail/contact-segments-section"
import { useContact } from "../../../../hooks/contacts"

const ContactDetailPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = useContact(id!)

  if (isError) {
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[7, 3]} side={[5, 1]} />
  }

  const { contact } = data
  return (
    <TwoColumnLayout
      main={
        <>
          <ContactGeneralSection contact={contact} />
          <ContactConsentSection contact={contact} />
          <ContactActivitySection contactId={contact.id} />
        </>
      }
      side={
        <>
          <ContactPurchasesSection contact={contact} />
          <ContactSegmentsSection contactId={contact.id} />
          <ContactJourneysSection contactId={contact.id} />
        </>
      }
    />
  )
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <ContactBreadcrumb id={params.id!} />,
}

export default ContactDetailPage
