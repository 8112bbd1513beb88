import { useJourney } from "../../hooks/journeys"

/** The journey's name in the admin's breadcrumbs; it shares the page's query. */
export const JourneyBreadcrumb = ({ id }: { id: string }) => {
  const { data } = useJourney(id)
  return data ? <span>{data.journey.name}</span> : null
}
