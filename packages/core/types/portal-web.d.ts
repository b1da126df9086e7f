// Only what createPortal needs to compile. The SDK's own types break strict builds (see the
// protocol reference, section 6), so TypeScript must never load them; this file stays out of
// the published declarations.
declare module '@portal-hq/web' {
  const Portal: new (options: Record<string, unknown>) => unknown;
  export default Portal;
}
