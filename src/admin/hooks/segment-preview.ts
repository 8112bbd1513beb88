import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useRef } from "react"
import { fetchBackend } from "../lib/sdk"
import type { SegmentDslProblem, SegmentPreviewResponse } from "../types/segments"
import { SEGMENTS_API_PATH, segmentQueryKeys } from "./segments"
import { useDebouncedValue } from "./use-debounced-value"

const TYPING_PAUSE_MS = 300

/** The preview route's answer: the matching contacts, or where the text stops making sense. */
type PreviewOutcome = { result: SegmentPreviewResponse; problem?: never } | { result?: never; problem: SegmentDslProblem }

async function fetchPreview(dsl: string, handle: string | undefined, signal: AbortSignal): Promise<PreviewOutcome> {
  const response = await fetchBackend(`${SEGMENTS_API_PATH}/preview`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ dsl, handle }),
    signal,
  })
  const body = await response.json().catch(() => ({}))
  if (response.ok) return { result: body }
  // A located DSL problem is an answer to show, not a failure; anything else is.
  if (response.status === 400 && typeof body.line === "number") return { problem: body }
  throw new Error(body.message ?? response.statusText)
}

/**
 * Counts and samples the contacts that `dsl` matches, as it is typed: one request per pause in typing;
 * a request that a newer text overtakes is cancelled (react-query aborts the query no one watches any
 * more). While the text has a problem, or a newer answer is on its way, the last count stays on screen,
 * marked as out of date.
 */
export function useSegmentPreview(dsl: string, handle?: string) {
  const text = useDebouncedValue(dsl.trim(), TYPING_PAUSE_MS)
  const { data, error, isFetching, isPlaceholderData } = useQuery({
    queryKey: [...segmentQueryKeys.all, "preview", text, handle],
    queryFn: ({ signal }) => fetchPreview(text, handle, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  })
  const lastResult = useRef<SegmentPreviewResponse>()
  if (data?.result) lastResult.current = data.result

  const isCurrent = text === dsl.trim() && !isPlaceholderData

  return {
    result: text ? lastResult.current : undefined,
    // Marked only while the text is the one it was found in: typing on clears the mark, like an editor.
    problem: text && isCurrent ? data?.problem : undefined,
    error,
    /** A newer count is on its way. */
    isStale: isFetching || !isCurrent,
    /** The count on screen is for an older text: the current one has a problem and cannot be counted. */
    isOutOfDate: Boolean(text && isCurrent && data?.problem),
  }
}
