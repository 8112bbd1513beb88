import { Alert, Drawer, Input, RadioGroup, Text } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useCreateJourney, useJourneyTemplates } from "../../hooks/journeys"
import type { DialogProps } from "../common/dialog-props"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"

interface JourneyCreateModalProps extends DialogProps {
  onCreated: (id: string) => void
}

/** Names a new journey and picks what it starts from: a ready-made template, or blank. */
export const JourneyCreateModal = ({ onCreated, ...dialog }: JourneyCreateModalProps) => (
  <FormDrawer title="Create journey" description="Name the journey and pick a template to start from." {...dialog}>
    <JourneyCreateForm onCreated={onCreated} />
  </FormDrawer>
)

const JourneyCreateForm = ({ onCreated }: { onCreated: (id: string) => void }) => {
  const { data } = useJourneyTemplates()
  const create = useCreateJourney()
  const [name, setName] = useState("")
  const [templateKey, setTemplateKey] = useState("blank")
  const [nameError, setNameError] = useState<string>()
  const templates = data?.templates ?? []

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const template = templates.find((t) => t.key === templateKey)
    if (!template) return
    if (!name.trim()) {
      setNameError("A journey needs a name")
      return
    }
    create.mutate({ name: name.trim(), definition: template.definition }, { onSuccess: ({ journey }) => onCreated(journey.id) })
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {create.error && (
          <Alert variant="error" dismissible={false}>
            {create.error.message}
          </Alert>
        )}
        <FormField label="Name" error={nameError}>
          {(control) => (
            <Input
              {...control}
              value={name}
              onChange={(event) => {
                setName(event.target.value)
                setNameError(undefined)
              }}
            />
          )}
        </FormField>
        <FormField label="Start from" hint="A template is a draft like any other: change every step on the canvas.">
          {(control) => (
            <RadioGroup {...control} className="flex flex-col gap-y-2" value={templateKey} onValueChange={setTemplateKey}>
              {templates.map((template) => (
                <RadioGroup.ChoiceBox key={template.key} value={template.key} label={template.name} description={template.description} />
              ))}
            </RadioGroup>
          )}
        </FormField>
        {!templates.length && (
          <Text size="small" className="text-ui-fg-subtle">
            Loading templates…
          </Text>
        )}
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Create" isSubmitting={create.isPending} />
    </form>
  )
}
