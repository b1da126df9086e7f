'use client';
import { forwardRef, useContext, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { connectExport } from '@backup-kit/core';
import { splitProps } from '../hooks/use-flow-store.js';
import {
  EXPORT_OPTION_KEYS,
  useExportWallet,
  type UseExportWalletOptions,
  type UseExportWalletResult,
} from '../hooks/use-export-wallet.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { mergeLabels, type LabelOverrides } from '../labels/common-labels.js';
import { BackupKitContext } from '../provider/backup-kit-context.js';
import { ExportWalletProvider, type ExportWalletContextValue } from './export-wallet-context.js';
import { useExportFocus } from './export-wallet-focus.js';
import { defaultExportWalletLabels, type ExportWalletLabels } from './export-wallet-labels.js';

export interface ExportWalletRootProviderProps extends ComponentPropsWithoutRef<'div'> {
  /** The export to show: what `useExportWallet` returned (the app holds it itself). */
  value: UseExportWalletResult;
  /** Any text to replace; maps (errors) merge key by key. */
  labels?: LabelOverrides<ExportWalletLabels> | undefined;
  /** Turns the start button off (a real `disabled`). */
  disabled?: boolean | undefined;
}

export interface ExportWalletRootProps extends UseExportWalletOptions, Omit<ExportWalletRootProviderProps, 'value'> {}

/** Holds an export flow and renders a `<div>` around the parts (see ExportWalletRootProvider). */
export const ExportWalletRoot = forwardRef<HTMLDivElement, ExportWalletRootProps>(
  function ExportWalletRoot(props, ref) {
    const [options, rest] = splitProps(props, EXPORT_OPTION_KEYS);
    return <ExportWalletRootProvider {...rest} value={useExportWallet(options)} ref={ref} />;
  },
);

/**
 * The parts over an export the app holds (`value={useExportWallet(...)}`). The key is rendered,
 * as text and nowhere else, only in `revealed` and only after Reveal; focus follows the steps.
 */
export const ExportWalletRootProvider = forwardRef<HTMLDivElement, ExportWalletRootProviderProps>(
  function ExportWalletRootProvider(props, ref) {
    const { value: exportWallet, labels: overrides, disabled, children, ...rest } = props;
    const labels = mergeLabels(defaultExportWalletLabels, useContext(BackupKitContext)?.labels, overrides);
    const view = connectExport(exportWallet, { portalStatus: exportWallet.portalStatus, disabled });
    const id = useId();
    const rootRef = useRef<HTMLDivElement>(null);
    const passwordRef = useRef<HTMLInputElement>(null);

    // Reveal and copy belong to one export's key (its `hidesAt`): the next one starts hidden and silent.
    const showing = exportWallet.state === 'revealed' ? exportWallet.hidesAt : null;
    const [shownFor, setShownFor] = useState<number | null>(null);
    const [copied, setCopied] = useState<{ for: number; outcome: 'copied' | 'failed' } | null>(null);
    const shown = showing !== null && shownFor === showing;
    const copy = copied && copied.for === showing ? copied.outcome : 'idle';

    useExportFocus(rootRef, view.state, shown);

    const ctx: ExportWalletContextValue = {
      view,
      exportWallet,
      labels,
      shown,
      show: () => showing !== null && setShownFor(showing),
      copy,
      setCopy: (outcome) => showing !== null && setCopied({ for: showing, outcome }),
      passwordRef,
      ids: { status: `${id}status`, warning: `${id}warning`, password: `${id}password` },
    };
    return (
      <ExportWalletProvider value={ctx}>
        {/* tabIndex -1: focus lands here when the part that held it goes away with no successor. */}
        <div
          {...partAttributes('export-wallet', 'root', view.state)}
          data-portal={exportWallet.portalStatus}
          data-method={exportWallet.state === 'idle' ? undefined : exportWallet.method}
          data-stage={view.error?.stage}
          data-disabled={flag(view.disabled)}
          data-shown={flag(shown)}
          aria-busy={view.busy || undefined}
          tabIndex={-1}
          {...rest}
          ref={useComposedRefs(ref, rootRef)}
        >
          {children}
        </div>
      </ExportWalletProvider>
    );
  },
);
