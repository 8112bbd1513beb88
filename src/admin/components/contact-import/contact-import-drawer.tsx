import { Button, Drawer, Heading } from "@medusajs/ui"
import { ContactImportReport } from "./contact-import-report"
import { ContactImportUploadForm } from "./contact-import-upload-form"

/** What the drawer shows: the upload form, or with an import, that import's progress and report. */
export interface ContactImportDrawerView {
  importId?: string
}

interface ContactImportDrawerProps {
  /** Closed when null. */
  view: ContactImportDrawerView | null
  onViewChange: (view: ContactImportDrawerView | null) => void
}

/** Imports contacts from a CSV file, and follows an import through to its report. */
export const ContactImportDrawer = ({ view, onViewChange }: ContactImportDrawerProps) => (
  <Drawer open={view !== null} onOpenChange={(open) => !open && onViewChange(null)}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>{view?.importId ? "Contact import" : "Import contacts"}</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">Adds and updates contacts from a CSV file.</Drawer.Description>
      </Drawer.Header>
      {view?.importId ? (
        <>
          <Drawer.Body className="overflow-y-auto">
            <ContactImportReport importId={view.importId} />
          </Drawer.Body>
          <Drawer.Footer>
            <Button size="small" variant="secondary" onClick={() => onViewChange({})}>
              Import another file
            </Button>
            <Drawer.Close asChild>
              <Button size="small">Close</Button>
            </Drawer.Close>
          </Drawer.Footer>
        </>
      ) : (
        <ContactImportUploadForm onUploaded={({ id }) => onViewChange({ importId: id })} />
      )}
    </Drawer.Content>
  </Drawer>
)
