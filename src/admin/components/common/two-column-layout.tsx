import { ReactNode } from "react"

/** Medusa's detail page layout: the main sections, and a 440px column beside them on wide screens. */
export const TwoColumnLayout = ({ main, side }: { main: ReactNode; side: ReactNode }) => (
  <div className="flex w-full flex-col items-start gap-x-4 gap-y-3 xl:grid xl:grid-cols-[minmax(0,_1fr)_440px]">
    <div className="flex w-full min-w-0 flex-col gap-y-3">{main}</div>
    <div className="flex w-full flex-col gap-y-3">{side}</div>
  </div>
)
