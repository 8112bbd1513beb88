import { OPTION_SOURCES } from "../../hooks/picker-options"
import { FormField } from "../common/form-field"
import { SingleResourcePicker } from "../common/resource-picker"
import { ReachableCount } from "../reachable-count"
import { SegmentLink } from "../segment-link"
import type { CampaignFormState } from "./use-campaign-form"

/**
 * The segment the campaign goes to, found by name, and how many of its contacts the chosen channel
 * reaches now. Optional while drafting: scheduling and sending ask for it.
 */
export const AudienceField = ({ form, contentLocked }: { form: CampaignFormState; contentLocked: boolean }) => {
  const { values, errors, setValue } = form
  return (
    <FormField
      label="Audience"
      optional
      hint="Counted as a send would count them: contacts who consented to the channel, are not suppressed and are under its frequency cap."
      error={errors.segment_id}
    >
      {(control) => (
        <div className="flex flex-col gap-y-2">
          {contentLocked ? (
            // What went out went to it: the campaign page shows whom.
            <span id={control.id} className="txt-compact-small">
              {values.segment_id ? <SegmentLink id={values.segment_id} /> : "-"}
            </span>
          ) : (
            <>
              <SingleResourcePicker
                control={control}
                source={OPTION_SOURCES.segments}
                value={values.segment_id}
                onChange={(id) => setValue("segment_id", id)}
              />
              {values.segment_id && <ReachableCount segmentId={values.segment_id} channel={values.channel} />}
            </>
          )}
        </div>
      )}
    </FormField>
  )
}
