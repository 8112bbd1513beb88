// Vite's own client types are not resolvable from the plugin (Vite ships inside @medusajs/admin-bundler),
// so only the variables the extensions read are declared here.
interface ImportMetaEnv {
  readonly VITE_BACKEND_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
