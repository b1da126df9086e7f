import type { z } from 'zod';
import { HttpProblem } from './problem.js';

/**
 * The parsed value, or a 400 naming the first offending field. `name` is what to call the value
 * itself when the problem is with it as a whole (a path parameter, or a body that is no object).
 */
export function validated<T extends z.ZodType>(schema: T, value: unknown, name = 'the request body'): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const field = path || (name === 'the request body' ? undefined : name);
  throw new HttpProblem(400, 'invalid_request', `${path || name} ${issue?.message ?? 'is invalid'}`, field);
}
