/**
 * The playground's password strength estimator: zxcvbn-ts with its common and English
 * dictionaries (a 1.7 MB chunk, 850 kB gzip). Loaded only through `strength-estimator.ts`'s
 * dynamic import, so the page pays for it only once someone uses the password form.
 */
import type { StrengthEstimate } from '@backup-kit/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

const zxcvbn = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/** Words this page puts in front of the user: a password made of them is easier to guess. */
const PAGE_WORDS = ['backup', 'kit', 'wallet', 'portal', 'playground', 'password', 'recover'];

/**
 * zxcvbn's score (0 to 4) and its most useful advice: the warning, else the first suggestion.
 * `userWords` (the user's id) count as guessable too.
 */
export function createStrengthEstimate(userWords: readonly string[]): (value: string) => StrengthEstimate {
  const userInputs = [...PAGE_WORDS, ...userWords];
  return (value) => {
    const { score, feedback } = zxcvbn.check(value, userInputs);
    const advice = feedback.warning || feedback.suggestions[0];
    return advice ? { score, feedback: advice } : { score };
  };
}
