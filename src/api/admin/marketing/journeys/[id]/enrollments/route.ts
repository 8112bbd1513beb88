import { childListRoute } from "../../../../../utils/query"

/** A journey's enrollments, of every version, filtered by state, contact, version or step. */
export const GET = childListRoute("journey", "journey_id", "journey_enrollment", "enrollments")
