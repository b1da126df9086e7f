import type { FlowView } from '@backup-kit/core';
import { errorText, progressText, type CommonLabels } from './common-labels.js';
import { text, type Label } from './label.js';

/**
 * What the Status part says for core's status key: nothing, the error, the progress while Portal
 * works, or the label of that name (connecting, storing, success, recovered...) with its facts.
 */
export function statusText(labels: CommonLabels, view: FlowView, args?: unknown): string {
  const { statusKey: key } = view;
  return key === 'error'
    ? errorText(labels, view.error!)
    : key === 'progress'
      ? progressText(labels, view.progress!)
      : key === 'none'
        ? ''
        : text((labels as unknown as Record<string, Label<unknown>>)[key]!, args);
}
