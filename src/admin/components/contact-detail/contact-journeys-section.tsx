import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useContactJourneys } from "../../hooks/journeys"
import { formatDate } from "../../lib/format"
import { ENROLLMENT_STATES } from "../../lib/journey-display"
import { journeyPath } from "../../lib/paths"

/** The journeys the contact is in or went through, latest first, with where each run stands. */
export const ContactJourneysSection = ({ contactId }: { contactId: string }) => {
  // A role without automation read, or a failed request, leaves the rest of the contact's page standing.
  const { data, error } = useContactJourneys(contactId)
  const enrollments = data?.enrollments ?? []
  const more = (data?.count ?? 0) - enrollments.length
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Journeys</Heading>
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      )}
      {data && !enrollments.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Not in any journey yet.
        </Text>
      )}
      {enrollments.length > 0 && (
        <ul aria-label="Journeys" className="divide-y">
          {enrollments.map((enrollment) => {
            const { label, color } = ENROLLMENT_STATES[enrollment.state]
            return (
              <li key={enrollment.id} className="flex items-center justify-between gap-x-4 px-6 py-3">
                <div className="flex min-w-0 flex-col">
                  <Link to={journeyPath(enrollment.journey_id)} className="txt-compact-small-plus text-ui-fg-interactive truncate hover:underline">
                    {enrollment.journey_name ?? enrollment.journey_id}
                  </Link>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    Entered {formatDate(enrollment.entered_at)}
                  </Text>
                </div>
                <StatusBadge color={color}>{label}</StatusBadge>
              </li>
            )
          })}
        </ul>
      )}
      {more > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
          And {more} earlier {more === 1 ? "run" : "runs"}: the activity timeline lists them all.
        </Text>
      )}
    </Container>
  )
}
