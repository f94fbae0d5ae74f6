/** Longest stem a suggested file name gets; long scenario names are cut at a word boundary. */
const MAX_STEM = 60;

/**
 * A file-name stem from a scenario name: letters and digits of any script kept, everything else
 * (spaces, slashes, colons, quotes: characters some file systems refuse) folded into single
 * hyphens, lower case, at most 60 characters. `fallback` when nothing is left.
 *
 * @example fileNameStem('Support: GPT-5 vs. Llama 3.3', 'scenario') // 'support-gpt-5-vs-llama-3-3'
 */
export function fileNameStem(name: string, fallback: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return fallback;
  // Counted in code points, so a cut never splits a character outside the BMP.
  const chars = Array.from(slug);
  if (chars.length <= MAX_STEM) return slug;
  const cut = chars.slice(0, MAX_STEM).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_STEM / 2 ? cut.slice(0, lastHyphen) : cut;
}
