/**
 * @portal-hq/web 3.4.1 appends a 0×0 iframe to <body> with neither a title nor a tabindex: axe
 * reports it (frame-title) and Tab can land inside it, out of sight. Give every Portal iframe a
 * title and take it out of the tab order as soon as it appears.
 */
const PORTAL_IFRAME = 'iframe[src*="/iframe/index.html"]';

function label(iframe: HTMLIFrameElement) {
  if (!iframe.title) iframe.title = 'Portal wallet connection (no visible content)';
  iframe.tabIndex = -1;
}

export function labelPortalIframes(root: HTMLElement = document.body): () => void {
  root.querySelectorAll<HTMLIFrameElement>(PORTAL_IFRAME).forEach(label);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof HTMLIFrameElement && node.matches(PORTAL_IFRAME)) label(node);
      }
    }
  });
  observer.observe(root, { childList: true });
  return () => observer.disconnect();
}
