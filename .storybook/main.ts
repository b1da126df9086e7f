import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import remarkGfm from 'remark-gfm';

const isPlugin = (p: unknown): p is { name: string } => !!p && typeof p === 'object' && 'name' in p;

// One Storybook for every component; stories live beside their component.
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.mdx', '../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: [
    // GitHub-flavoured Markdown in MDX pages: the introduction's tables need it (MDX 3 has none).
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own "Get started" checklist, in the sidebar and in the menu, is not ours to show.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
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
