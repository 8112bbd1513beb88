import { Button, toast } from "@medusajs/ui"
import type { AnalyticsRange } from "../../hooks/analytics"
import { useDownloadReport } from "../../hooks/analytics-reports"

/** Downloads the dashboard of the range as a PDF made by the server, to hand to a manager. */
export const DashboardPdfButton = ({ range }: { range: AnalyticsRange }) => {
  const download = useDownloadReport()
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={download.isPending}
      onClick={() =>
        download.mutate(
          { path: "pdf", query: { ...range }, accept: "application/pdf", fallbackName: "marketing-dashboard.pdf" },
          { onError: (error) => toast.error("Could not download the PDF", { description: error.message }) }
        )
      }
    >
      PDF
    </Button>
  )
}
