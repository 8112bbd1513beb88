import { Alert, Drawer } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useUploadContactImport } from "../../hooks/contact-imports"
import type { AdminContactImport } from "../../types/contact-imports"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormField } from "../common/form-field"
import { ImportColumnsHelp } from "./import-columns-help"

/** Picks a CSV file and uploads it; the import then runs on the server, which `onUploaded` follows. */
export const ContactImportUploadForm = ({ onUploaded }: { onUploaded: (contactImport: AdminContactImport) => void }) => {
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string>()
  const upload = useUploadContactImport()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setFileError("Choose a CSV file to import")
      return
    }
    upload.mutate(file, { onSuccess: ({ contact_import }) => onUploaded(contact_import) })
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        {upload.error && (
          <Alert variant="error" dismissible={false}>
            {upload.error.message}
          </Alert>
        )}
        <ImportColumnsHelp />
        <FormField label="CSV file" error={fileError}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              className="txt-compact-small text-ui-fg-subtle file:bg-ui-button-neutral file:shadow-buttons-neutral file:text-ui-fg-base file:mr-3 file:cursor-pointer file:rounded-md file:border-0 file:px-2 file:py-1"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
                setFileError(undefined)
              }}
            />
          )}
        </FormField>
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Upload" isSubmitting={upload.isPending} />
    </form>
  )
}
