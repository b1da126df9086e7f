/** A piece of text: a string, or a function of the facts it needs (a number, the secret's kind). */
export type Label<Args = void> = string | ((args: Args) => string);

export function text<Args>(label: Label<Args>, args: Args): string {
  return typeof label === 'function' ? label(args) : label;
}
