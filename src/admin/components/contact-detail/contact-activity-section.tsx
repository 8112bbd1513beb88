import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useContactActivity } from "../../hooks/contacts"
import { ActivityItem } from "./activity-item"

/**
 * What happened with the contact, newest first: messages with their opens and clicks, orders,
 * redemptions, consent changes and journeys. Older entries come a page at a time.
 */
export const ContactActivitySection = ({ contactId }: { contactId: string }) => {
  const { data, isPending, isError, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useContactActivity(contactId)
  const items = data?.pages.flatMap((page) => page.activity) ?? []

  const note = (text: string) => (
    <Text size="small" leading="compact" className="text-ui-fg-subtle px-6 py-4">
      {text}
    </Text>
  )

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Activity</Heading>
      </div>
      {isError ? (
        note(`The activity could not be loaded: ${error.message}`)
      ) : isPending ? (
        note("Loading…")
      ) : items.length ? (
        <ol aria-label="Activity" className="flex flex-col divide-y">
          {items.map((item) => (
            <ActivityItem key={`${item.kind}-${item.id}`} item={item} />
          ))}
        </ol>
      ) : (
        note("Nothing yet: messages, orders, redemptions, consent changes and journeys will show here.")
      )}
      {hasNextPage && (
        <div className="flex justify-center px-6 py-3">
          <Button size="small" variant="secondary" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
            Load more
          </Button>
        </div>
      )}
    </Container>
  )
}
