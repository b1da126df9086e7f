/** The pipeline's steps, in order. */
export const PIPELINE_STEPS = ['generate', 'backup', 'encrypt', 'store', 'verify', 'mark'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

export interface PipelineError extends Error {
  readonly name: 'PipelineError';
  readonly step: PipelineStep;
  /** Whether running the pipeline again for this user may succeed (network, 5xx, 429, key provider). */
  readonly retryable: boolean;
  /** What went wrong, never holding a share, a ciphertext or an API key. */
  readonly cause: unknown;
}

export function pipelineError(step: PipelineStep, cause: unknown, retryable: boolean): PipelineError {
  const reason = cause instanceof Error ? cause.message : 'unknown reason';
  const error = new Error(`backup pipeline failed at ${step}: ${reason}`, { cause }) as Error & {
    step: PipelineStep;
    retryable: boolean;
  };
  error.name = 'PipelineError';
  error.step = step;
  error.retryable = retryable;
  return error as PipelineError;
}

export const isPipelineError = (value: unknown): value is PipelineError =>
  value instanceof Error && value.name === 'PipelineError' && 'step' in value;
