import type { ReactNode } from 'react';
import { BackupKitProvider } from '@backup-kit/react';
import '@backup-kit/react/styles.css';

export const metadata = { title: 'Backup Kit in a server component' };

// A server component: the provider is a client component, and its options are plain data, so
// it can be rendered here. (A Portal instance cannot cross the boundary: create it in a client
// component, or pass portalOptions as here.)
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <BackupKitProvider
          portalOptions={{
            apiKey: 'fixture-key',
            host: 'localhost:3999',
            rpcConfig: { 'eip155:11155111': 'http://localhost:8545' },
          }}
        >
          <main>{children}</main>
        </BackupKitProvider>
      </body>
    </html>
  );
}
