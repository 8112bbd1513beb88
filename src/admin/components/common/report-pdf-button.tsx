import { Button, toast } from "@medusajs/ui"
import { useDownloadReport } from "../../hooks/analytics-reports"

interface ReportPdfButtonProps {
  /** The report's PDF route under the analytics routes, e.g. `pdf` or `campaigns/:id/pdf`. */
  path: string
  query?: Record<string, string>
  fileName: string
}

/** Downloads a report as a PDF made by the server, to hand to a manager. */
export const ReportPdfButton = ({ path, query = {}, fileName }: ReportPdfButtonProps) => {
  const download = useDownloadReport()
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={download.isPending}
      onClick={() =>
        download.mutate(
          { path, query, accept: "application/pdf", fallbackName: fileName },
          { onError: (error) => toast.error("Could not download the PDF", { description: error.message }) }
        )
      }
    >
      PDF
    </Button>
  )
}
