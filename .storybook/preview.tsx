import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';

/** The theme toolbar sets [data-theme] around the story, as an app would. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals.theme as string | undefined;
  return (
    <div
      data-theme={theme === 'system' ? undefined : theme}
      style={{ padding: '1rem', background: 'var(--bk-color-surface)' }}
    >
      <Story />
    </div>
  );
};

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
