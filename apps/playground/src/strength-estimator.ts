import { useCallback, useMemo, useState } from 'react';
import type { PasswordPolicy, StrengthEstimate } from '@backup-kit/core';
import type { PasswordBackupLabels } from '@backup-kit/react';

/** Where the lazily loaded estimator is (also on the DOM as `data-strength-check`). */
export type EstimatorStatus = 'idle' | 'loading' | 'ready' | 'error';

type Estimate = (value: string) => StrengthEstimate;
type Factory = (userWords: readonly string[]) => Estimate;

// One download per page, shared by every form (the backup forms are remounted per wallet).
let loaded: Factory | undefined;
let loading: Promise<Factory> | undefined;

function load(): Promise<Factory> {
  loading ??= import('./zxcvbn-strength.js').then(
    (module) => (loaded = module.createStrengthEstimate),
    (error: unknown) => {
      loading = undefined; // the next use tries again
      throw error;
    },
  );
  return loading;
}

// Until zxcvbn is here no password is strong enough: a weak one must never slip through while
// it loads (or when it could not load). The labels below say which of these it is.
const NOT_YET: Estimate = () => ({ score: 0 });

const WORDS = ['very weak', 'weak', 'fair', 'good', 'strong'];

export interface StrengthEstimator {
  status: EstimatorStatus;
  /** For `PasswordBackup`'s `policy`: the default policy with zxcvbn's estimate. */
  policy: PasswordPolicy;
  /** For `PasswordBackup`'s `labels`: the strength line with zxcvbn's advice, and what "too weak" means now. */
  labels: Pick<PasswordBackupLabels, 'strength'> & { issues: Pick<PasswordBackupLabels['issues'], 'too-weak'> };
  /** Starts loading zxcvbn (call it when the password form is first used). */
  load: () => void;
}

/** zxcvbn as the kit's `estimateStrength`, loaded on first use; the user's id counts as guessable. */
export function useStrengthEstimator(userId: string): StrengthEstimator {
  const [status, setStatus] = useState<EstimatorStatus>(() => (loaded ? 'ready' : 'idle'));
  const [factory, setFactory] = useState<Factory | undefined>(() => loaded);

  const start = useCallback(() => {
    if (status === 'ready' || status === 'loading') return;
    setStatus('loading');
    load().then(
      (made) => {
        setFactory(() => made);
        setStatus('ready');
      },
      () => setStatus('error'),
    );
  }, [status]);

  const policy = useMemo<PasswordPolicy>(
    () => ({ estimateStrength: factory ? factory([userId]) : NOT_YET }),
    [factory, userId],
  );

  const labels = useMemo<StrengthEstimator['labels']>(() => {
    if (status === 'ready') {
      return {
        strength: ({ score, feedback }) => `Strength: ${WORDS[score] ?? WORDS[0]}.${feedback ? ` ${feedback}` : ''}`,
        issues: { 'too-weak': 'Choose a stronger password.' },
      };
    }
    if (status === 'error') {
      return {
        strength: 'The strength check could not load.',
        issues: { 'too-weak': 'No password can be checked, so none is accepted: reload the page to try again.' },
      };
    }
    return {
      strength: 'Checking the strength…',
      issues: { 'too-weak': 'Wait a moment: the strength check is still loading.' },
    };
  }, [status]);

  return { status, policy, labels, load: start };
}
