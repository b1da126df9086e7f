'use client';
import { FlowSubmit, type FlowSubmitProps } from '../internal/flow-submit.js';

/**
 * The submit button: backs up, and after an error retries (same place, so focus stays). While
 * busy it keeps focus and ignores clicks and Enter (aria-disabled, not disabled).
 */
export const PasswordBackupSubmit = FlowSubmit;
export type PasswordBackupSubmitProps = FlowSubmitProps;
