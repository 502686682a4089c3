// Codes a person types: pairing codes (studio) and gallery access codes (client). Crockford-
// style alphabet without 0/O, 1/I/L or U, so a code read aloud or copied by hand still matches.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `groups` groups of 4 characters joined by dashes: 3 groups ≈ 59 bits. */
export function newHumanCode(groups: number): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g += 1) {
    let part = '';
    for (let i = 0; i < 4; i += 1) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/** Case, spaces and dashes do not matter when a person types the code back. */
export function normaliseHumanCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
