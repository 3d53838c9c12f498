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

export type PasswordVerdict =
  | { ok: true }
  | { ok: false; reason: 'too_short' | 'common' | 'guessable' | 'personal' };

const fold = (value: string) => value.normalize('NFKC').toLowerCase();

/**
 * Pieces of the user's own email and name a password must not contain (ASVS 6.2.11): the email's
 * local part and each part of it or of the name from 4 characters (2 for kanji or kana names).
 */
function personalPieces(userInputs: string[]): string[] {
  const pieces = userInputs.flatMap((value) => {
    const folded = fold(value);
    const local = folded.includes('@') ? folded.slice(0, folded.indexOf('@')) : folded;
    return [local, ...local.split(/[@.\s_+-]+/)];
  });
  return pieces.filter((piece) => piece.length >= (/^[ -~]*$/.test(piece) ? 4 : 2));
}

/**
 * ASVS 6.2: at least 8 characters, not a common/breached password, not easily guessed. Refuses a
 * password that is exactly one dictionary entry (the breached-password list) or scores below 3.
 * `userInputs` (email, name) count as dictionary words so "meguro.taro2026" is refused for Meguro Taro.
 */
export function checkPasswordStrength(password: string, userInputs: string[] = []): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'too_short' };
  const folded = fold(password);
  if (personalPieces(userInputs).some((piece) => folded.includes(piece)))
    return { ok: false, reason: 'personal' };
  const inputs = userInputs
    .flatMap((value) => [value, ...value.split(/[@.\s_+-]+/)])
    .filter((v) => v.length >= 3);
  const result = getChecker().check(password, inputs);
  const [only] = result.sequence;
  if (result.sequence.length === 1 && only?.pattern === 'dictionary') return { ok: false, reason: 'common' };
  if (result.score < MIN_SCORE) return { ok: false, reason: 'guessable' };
  return { ok: true };
}
