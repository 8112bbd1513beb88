// mjml-browser ships no types; it takes what mjml takes (see @types/mjml).
declare module "mjml-browser" {
  const mjml2html: (
    source: string,
    options?: { validationLevel?: "strict" | "soft" | "skip" }
  ) => Promise<{ html: string; errors: { formattedMessage: string }[] }>
  export default mjml2html
}
