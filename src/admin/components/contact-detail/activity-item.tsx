import { BellAlert, ChatBubbleLeftRight, Envelope, ReceiptPercent, ShieldCheck, ShoppingCart, Sparkles } from "@medusajs/icons"
import { StatusBadge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import type { EnrollmentState } from "../../../types/automation/module"
import { CAMPAIGN_CHANNELS } from "../../lib/campaign-display"
import { CONSENT_CHANNELS } from "../../lib/contact-display"
import { formatDateTime, formatMoney } from "../../lib/format"
import { MESSAGE_STATUS_COLORS, MESSAGE_STATUS_LABELS } from "../../lib/message-display"
import { campaignPath, orderPath, promotionPath } from "../../lib/paths"
import type { AdminContactActivityItem } from "../../types/contacts"
import { ConsentBadge } from "../consent-badge"

type Item<Kind extends AdminContactActivityItem["kind"]> = Extract<AdminContactActivityItem, { kind: Kind }>

const LINK_CLASS = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover"

const ENROLLMENT_STATES: Record<EnrollmentState, { label: string; color: "green" | "blue" | "orange" | "grey" | "red" | "purple" }> = {
  active: { label: "In progress", color: "blue" },
  waiting: { label: "Waiting", color: "orange" },
  completed: { label: "Completed", color: "grey" },
  converted: { label: "Converted", color: "green" },
  exited: { label: "Exited", color: "purple" },
  failed: { label: "Failed", color: "red" },
}

const MESSAGE_ICONS = { email: <Envelope />, sms: <ChatBubbleLeftRight />, push: <BellAlert /> }

const times = (count: number) => (count === 1 ? "once" : `${count} times`)

/** One entry of the contact's timeline: what happened, when, and a link to where it can be looked at. */
export const ActivityItem = ({ item }: { item: AdminContactActivityItem }) => {
  const { icon, title, badge, details } = describe(item)
  return (
    <li className="grid grid-cols-[20px_1fr_auto] items-start gap-x-3 px-6 py-3" data-kind={item.kind}>
      <span className="text-ui-fg-subtle pt-0.5">{icon}</span>
      <div className="flex min-w-0 flex-col gap-y-1">
        <Text size="small" leading="compact" weight="plus" className="flex flex-wrap items-center gap-x-2">
          {title}
          {badge}
        </Text>
        {details}
      </div>
      <Text size="small" leading="compact" className="text-ui-fg-subtle whitespace-nowrap">
        <time dateTime={item.at}>{formatDateTime(item.at)}</time>
      </Text>
    </li>
  )
}

const Detail = ({ children }: { children: ReactNode }) => (
  <Text size="small" leading="compact" className="text-ui-fg-subtle break-all">
    {children}
  </Text>
)

function describe(item: AdminContactActivityItem): { icon: ReactNode; title: ReactNode; badge?: ReactNode; details?: ReactNode } {
  switch (item.kind) {
    case "message":
      return describeMessage(item)
    case "order":
      return {
        icon: <ShoppingCart />,
        title: (
          <span>
            Placed <Link to={orderPath(item.order_id)} className={LINK_CLASS}>an order</Link>
          </span>
        ),
        details: <Detail>{`${formatMoney(item.total, item.currency_code)} · ${item.items === 1 ? "1 item" : `${item.items} items`}`}</Detail>,
      }
    case "redemption":
      return {
        icon: <ReceiptPercent />,
        title: (
          <span>
            Redeemed{" "}
            <Link to={promotionPath(item.promotion_id)} className={LINK_CLASS}>
              {item.promotion_name ?? "a deleted promotion"}
            </Link>
            {item.code && ` with ${item.code}`}
          </span>
        ),
        badge: item.released_at ? <StatusBadge color="grey">Given back</StatusBadge> : undefined,
        details: item.discount_amount != null && <Detail>{`${formatMoney(item.discount_amount, item.currency_code)} off`}</Detail>,
      }
    case "consent":
      return {
        icon: <ShieldCheck />,
        title: `${CONSENT_CHANNELS[item.channel]} consent`,
        badge: <ConsentBadge status={item.status} />,
        details: item.source && <Detail>{`via ${item.source.replace(/_/g, " ")}`}</Detail>,
      }
    case "enrollment":
      return describeEnrollment(item)
  }
}

function describeMessage(item: Item<"message">) {
  const channel = CAMPAIGN_CHANNELS[item.channel]
  const engagement = [item.opens && `Opened ${times(item.opens)}`, item.clicks && `Clicked ${times(item.clicks)}`].filter(Boolean)
  return {
    icon: MESSAGE_ICONS[item.channel],
    title: item.campaign_id ? (
      <span>
        {channel} from{" "}
        <Link to={campaignPath(item.campaign_id)} className={LINK_CLASS}>
          {item.campaign_name ?? "a deleted campaign"}
        </Link>
      </span>
    ) : (
      `${channel} from a journey`
    ),
    badge: <StatusBadge color={MESSAGE_STATUS_COLORS[item.status]}>{MESSAGE_STATUS_LABELS[item.status]}</StatusBadge>,
    details: (
      <>
        <Detail>{[item.to, ...engagement].join(" · ")}</Detail>
        {item.engagements.length > 0 && (
          <ul aria-label="Opens and clicks" className="flex flex-col gap-y-0.5">
            {item.engagements.map((engagement, index) => (
              <li key={index}>
                <Detail>
                  {`${engagement.type === "click" ? `Clicked ${engagement.url ?? "a link"}` : "Opened"} · ${formatDateTime(engagement.occurred_at)}`}
                  {engagement.flag && " (by a machine, not counted)"}
                </Detail>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  }
}

function describeEnrollment(item: Item<"enrollment">) {
  const { label, color } = ENROLLMENT_STATES[item.state]
  return {
    icon: <Sparkles />,
    title: `Entered the journey ${item.journey_name ?? "(deleted)"}`,
    badge: <StatusBadge color={color}>{label}</StatusBadge>,
    details: item.steps.length > 0 && (
      <ul aria-label="Steps taken" className="flex flex-col gap-y-0.5">
        {item.steps.map((step) => (
          <li key={`${step.step_id}-${step.at}`}>
            <Detail>{`${step.step ?? step.step_id}: ${step.outcome.replace(/_/g, " ")} · ${formatDateTime(step.at)}`}</Detail>
          </li>
        ))}
      </ul>
    ),
  }
}
