import type { Decorator, Preview } from '@storybook/react-vite';
import { useLayoutEffect, type ReactNode } from 'react';
import '../packages/react/src/styles.css';

type Theme = 'light' | 'dark' | 'system';

/**
 * The theme toolbar (or a story's `globals.theme`) themes the whole canvas, as an app would:
 * [data-theme] on <html> (styles.css sets color-scheme from it) and the page background from
 * --bk-color-surface, so a dark story is dark edge to edge. In docs pages, where stories of both
 * themes sit side by side, each story gets its own themed box instead.
 */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme as Theme | undefined) ?? 'light';
  const wholeCanvas = context.viewMode === 'story';
  return (
    <ThemedCanvas theme={theme} wholeCanvas={wholeCanvas}>
      <Story />
    </ThemedCanvas>
  );
};

function ThemedCanvas(props: { theme: Theme; wholeCanvas: boolean; children: ReactNode }) {
  const { theme, wholeCanvas } = props;
  useLayoutEffect(() => {
    if (!wholeCanvas) return;
    const html = document.documentElement;
    if (theme === 'system') delete html.dataset.theme;
    else html.dataset.theme = theme;
    document.body.style.background = 'var(--bk-color-surface)';
    return () => {
      delete html.dataset.theme;
      document.body.style.removeProperty('background');
    };
  }, [theme, wholeCanvas]);
  if (wholeCanvas) return props.children;
  return (
    <div
      data-theme={theme === 'system' ? undefined : theme}
      style={{ padding: '1rem', background: 'var(--bk-color-surface)' }}
    >
      {props.children}
    </div>
  );
}

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme (styles.css)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'System' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    // Any axe violation fails the story's test (vitest addon) and shows in the a11y panel.
    a11y: { test: 'error' },
    // No argTypesRegex: only callbacks wired explicitly with fn() reach the action log, and those
    // never receive a secret (see the "secrets" story).
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
};
export default preview;
