import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';

const isPlugin = (p: unknown): p is { name: string } => !!p && typeof p === 'object' && 'name' in p;

// One Storybook for every component; stories live beside their component.
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.mdx', '../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal: async (config) => {
    // Library builds emit declarations; a Storybook build must not.
    const plugins = (config.plugins ?? []).flat().filter((p) => !(isPlugin(p) && p.name.includes('dts')));
    if (!plugins.some((p) => isPlugin(p) && p.name.startsWith('vite:react'))) plugins.push(react());
    return {
      ...config,
      plugins,
      // Workspace packages resolve to their sources, as in the packages' own vite configs.
      resolve: {
        ...config.resolve,
        conditions: ['@backup-kit/source', 'module', 'browser', 'development|production'],
      },
    };
  },
};
export default config;
