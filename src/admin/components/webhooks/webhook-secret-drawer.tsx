import { Button, Copy, Drawer, Heading, Text } from "@medusajs/ui"

/**
 * The endpoint's secret, shown once (after adding the endpoint or rotating its secret): the API
 * never answers it again, so it is copied to the receiver now.
 */
export const WebhookSecretDrawer = ({ secret, onClose }: { secret: string | null; onClose: () => void }) => (
  <Drawer open={secret !== null} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>Signing secret</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">The endpoint's secret, shown this once.</Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4">
        <Text size="small">
          Copy this secret to your receiver now: it is not shown again. The receiver checks each request's{" "}
          <code className="font-mono">x-marketing-signature</code> header (<code className="font-mono">t=…,v1=…</code>) against the
          HMAC-SHA256 of <code className="font-mono">t.body</code> keyed with it.
        </Text>
        <div className="bg-ui-bg-subtle flex items-center gap-x-2 rounded-md p-3">
          <code data-testid="webhook-secret" className="font-mono break-all text-sm">
            {secret}
          </code>
          {secret && <Copy content={secret} />}
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <Button size="small" onClick={onClose}>
          Done
        </Button>
      </Drawer.Footer>
    </Drawer.Content>
  </Drawer>
)
