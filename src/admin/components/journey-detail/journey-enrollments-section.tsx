import { Button, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import { useContact } from "../../hooks/contacts"
import { EnrollmentListQuery, useJourneyEnrollments } from "../../hooks/journeys"
import type { AdminContact } from "../../types/contacts"
import type { AdminJourney } from "../../types/journeys"
import { contactName } from "../../lib/contact-display"
import { ContactPicker } from "../campaign-delivery/contact-picker"
import { FormField } from "../common/form-field"
import { ResourceTableSection } from "../common/resource-table-section"
import { enrollmentTableColumns } from "./enrollment-table-columns"
import { enrollmentTableFilters, enrollmentUrlFilters } from "./enrollment-table-filters"

const PAGE_SIZE = 20
const PREFIX = "enrollments"
/** The contact filter lives in the URL beside the table's own state, so a filtered list can be shared. */
const CONTACT_PARAM = `${PREFIX}_contact_id`

/**
 * The journey's enrollments, of every version, newest first: who is in it, where they stand, and how
 * each run ended (converted with the order's revenue). Filtered by state, and by one contact found by
 * name, email or phone (an audience may be far too large to list).
 */
export const JourneyEnrollmentsSection = ({ journey }: { journey: AdminJourney }) => {
  const [params, setParams] = useSearchParams()
  const contactId = params.get(CONTACT_PARAM) ?? undefined
  const filterByContact = (contact: AdminContact | null) =>
    setParams(
      (previous) => {
        if (contact) previous.set(CONTACT_PARAM, contact.id)
        else previous.delete(CONTACT_PARAM)
        previous.delete(`${PREFIX}_offset`)
        return previous
      },
      { replace: true }
    )

  const columns = useMemo(() => {
    const graphs = new Map((journey.versions ?? []).map((v) => [v.id, v.graph]))
    return enrollmentTableColumns((versionId, stepId) => graphs.get(versionId)?.steps.find((s) => s.id === stepId)?.name ?? stepId)
  }, [journey.versions])

  return (
    <ResourceTableSection
      table={{
        useList: function useFilteredEnrollments(query: EnrollmentListQuery) {
          return useJourneyEnrollments(journey.id, { ...query, contact_id: contactId })
        },
        rows: (response) => ({ rows: response.enrollments, count: response.count }),
        columns,
        filters: enrollmentTableFilters,
        urlFilters: enrollmentUrlFilters,
        prefix: PREFIX,
        pageSize: PAGE_SIZE,
        // Enrollments are found by their contact, through the picker.
        searchable: false,
      }}
      heading="Enrollments"
      description="Each run of a contact through the journey, on the version they entered."
      actions={<ContactFilter contactId={contactId} onChange={filterByContact} />}
      emptyState={{
        empty: { heading: "No enrollments yet", description: "Contacts enter once the journey is live and its trigger fires." },
        filtered: { heading: "No matching enrollments", description: "Try another contact or state." },
      }}
    />
  )
}

const ContactFilter = ({ contactId, onChange }: { contactId?: string; onChange: (contact: AdminContact | null) => void }) =>
  contactId ? (
    <div className="flex items-center gap-x-2">
      <Text size="small" data-testid="enrollments-contact-filter">
        Contact: <PickedContact id={contactId} />
      </Text>
      <Button size="small" variant="transparent" onClick={() => onChange(null)}>
        Clear
      </Button>
    </div>
  ) : (
    <div className="w-64">
      <FormField label="Contact">{(control) => <ContactPicker control={control} onPick={onChange} />}</FormField>
    </div>
  )

const PickedContact = ({ id }: { id: string }) => {
  const { data } = useContact(id)
  return <>{(data && contactName(data.contact)) ?? id}</>
}
