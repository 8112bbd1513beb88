import { Container, Skeleton } from "@medusajs/ui"
import { TwoColumnLayout } from "./two-column-layout"

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

interface DetailSkeletonProps {
  /** The number of rows of each section of the main column, and of the side column. */
  main: number[]
  side: number[]
}

/** Holds a detail page's shape while its record loads, as Medusa's detail pages do. */
export const DetailSkeleton = ({ main, side }: DetailSkeletonProps) => (
  <TwoColumnLayout
    main={main.map((rows, index) => <SectionSkeleton key={index} rows={rows} />)}
    side={side.map((rows, index) => <SectionSkeleton key={index} rows={rows} />)}
  />
)
