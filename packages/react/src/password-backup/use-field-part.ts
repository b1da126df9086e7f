import { useEffect } from 'react';
import { useFieldContext, type FieldContextValue } from './password-backup-context.js';

/** Tells the field this optional part is mounted, so the input's aria-describedby can name it. */
export function useFieldPart(part: 'description' | 'strength' | 'issues', partName: string): FieldContextValue {
  const field = useFieldContext(partName);
  const { register } = field;
  useEffect(() => register(part), [register, part]);
  return field;
}
