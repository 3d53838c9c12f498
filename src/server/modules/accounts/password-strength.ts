import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 8;
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
// Built lazily: the dictionaries take a moment to index and only password endpoints need them.
function getChecker(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return checker;
}

export type PasswordVerdict = { ok: true } | { ok: false; reason: 'too_short' | 'common' | 'guessable' };

/**
 * ASVS 6.2: at least 8 characters, not a common/breached password, not easily guessed. Refuses a
 * password that is exactly one dictionary entry (the breached-password list) or scores below 3.
 * `userInputs` (email, name) count as dictionary words so "meguro.taro2026" is refused for Meguro Taro.
 */
export function checkPasswordStrength(password: string, userInputs: string[] = []): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'too_short' };
  const inputs = userInputs
    .flatMap((value) => [value, ...value.split(/[@.\s_+-]+/)])
    .filter((v) => v.length >= 3);
  const result = getChecker().check(password, inputs);
  const [only] = result.sequence;
  if (result.sequence.length === 1 && only?.pattern === 'dictionary') return { ok: false, reason: 'common' };
  if (result.score < MIN_SCORE) return { ok: false, reason: 'guessable' };
  return { ok: true };
}
