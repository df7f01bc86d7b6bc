// Member names for the battery's writers that the service takes as different names.

// Without m: "rn" and "m" look alike, and the service refuses a name that looks like another member's
// (Names.skeleton; l, I, 1 and |, and 0 and O, are alike too, and none of them is used twice here).
const ALPHABET = 'abcdefghijklnopqrstuvwxyz';

/**
 * A number written in letters (0 → a, 1 → b, …): letters only, so that each name is a word of its own (and its own
 * slug), and distinct numbers give names that do not look alike.
 */
export function letters(n) {
  let s = '';
  do { s = ALPHABET[n % ALPHABET.length] + s; n = Math.floor(n / ALPHABET.length); } while (n > 0);
  return s;
}
