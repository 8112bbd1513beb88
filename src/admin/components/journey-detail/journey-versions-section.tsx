import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import type { AdminJourney, AdminJourneyVersion } from "../../types/journeys"
import { useAuditActors } from "../audit/use-audit-actors"

interface JourneyVersionsSectionProps {
  journey: AdminJourney
  /** The version shown read-only on the canvas, if any. */
  viewingId: string | null
  onView: (version: AdminJourneyVersion | null) => void
}

/**
 * The journey's versions, newest first: when each was published and by whom, which is live, and the
 * draft. A version other than the one the canvas edits can be viewed on the canvas, read-only.
 */
export const JourneyVersionsSection = ({ journey, viewingId, onView }: JourneyVersionsSectionProps) => {
  const { actorLabel } = useAuditActors()
  const versions = [...(journey.versions ?? [])].sort((a, b) => b.number - a.number)
  const edited = versions.find((v) => !v.published_at) ?? versions.find((v) => v.id === journey.live_version_id)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Versions</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Running enrollments finish on the version they entered.
        </Text>
      </div>
      <ul aria-label="Versions">
        {versions.map((version) => (
          <li key={version.id} className="flex items-center justify-between gap-x-4 px-6 py-3" data-testid={`journey-version-${version.number}`}>
            <div className="flex flex-col">
              <div className="flex items-center gap-x-2">
                <Text size="small" weight="plus">
                  Version {version.number}
                </Text>
                {version.id === journey.live_version_id && (
                  <Badge size="2xsmall" color="green">
                    Live
                  </Badge>
                )}
                {!version.published_at && <Badge size="2xsmall">Draft</Badge>}
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {version.published_at
                  ? `Published ${formatDateTime(version.published_at)}${
                      version.published_by ? ` by ${actorLabel({ actor_type: "user", actor_id: version.published_by })}` : ""
                    }`
                  : "Not published yet"}
              </Text>
            </div>
            {version.id === edited?.id ? (
              viewingId && (
                <Button size="small" variant="transparent" onClick={() => onView(null)}>
                  Edit
                </Button>
              )
            ) : (
              <Button size="small" variant="secondary" disabled={version.id === viewingId} onClick={() => onView(version)}>
                {version.id === viewingId ? "Viewing" : "View"}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Container>
  )
}
