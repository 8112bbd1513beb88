import { Container, Skeleton } from "@medusajs/ui"
import { TwoColumnLayout } from "../common/two-column-layout"

const SectionSkeleton = ({ rows }: { rows: number }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Skeleton className="h-7 w-40" />
    </div>
    {Array.from({ length: rows }, (_, row) => (
      <div key={row} className="grid grid-cols-2 gap-4 px-6 py-4">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-5 w-full" />
      </div>
    ))}
  </Container>
)

/** Holds the page's shape while the campaign loads, as Medusa's detail pages do. */
export const CampaignDetailSkeleton = () => (
  <TwoColumnLayout
    main={
      <>
        <SectionSkeleton rows={5} />
        <SectionSkeleton rows={2} />
      </>
    }
    side={
      <>
        <SectionSkeleton rows={2} />
        <SectionSkeleton rows={1} />
      </>
    }
  />
)
