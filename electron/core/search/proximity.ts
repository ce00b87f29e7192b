// Phrase and proximity checks against the stored text (never approximated from the index).
import { analyzeWithPositions } from './analyzer';

/**
 * True when the text holds the words — each given as the set of index terms it may take — as an
 * exact phrase (ordered, slop 0) or all within `slop` extra positions of each other in any order.
 */
export function textHasPhrase(
  text: string,
  lang: string | null,
  words: Set<string>[],
  slop: number,
  ordered: boolean,
): boolean {
  const n = words.length;
  if (n === 0) return false;
  const terms = analyzeWithPositions(text, lang);
  if (ordered && slop === 0) {
    // Positions of each term; alternative forms share a position, so build position → terms.
    const byPosition = new Map<number, string[]>();
    for (const t of terms) {
      const list = byPosition.get(t.position);
      if (list) list.push(t.term);
      else byPosition.set(t.position, [t.term]);
    }
    const matchesAt = (pos: number, i: number): boolean =>
      byPosition.get(pos)?.some((term) => words[i]!.has(term)) ?? false;
    for (const [pos] of byPosition) {
      let ok = true;
      for (let i = 0; i < n && ok; i++) ok = matchesAt(pos + i, i);
      if (ok) return true;
    }
    return false;
  }
  // Smallest window holding every word: a sweep over (position, word) hits in position order.
  const hits: [number, number][] = [];
  for (const t of terms) for (let i = 0; i < n; i++) if (words[i]!.has(t.term)) hits.push([t.position, i]);
  hits.sort((a, b) => a[0] - b[0]);
  const counts = new Int32Array(n);
  let have = 0;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const [, w] = hits[right]!;
    if (counts[w]!++ === 0) have++;
    while (have === n) {
      const [lp, lw] = hits[left]!;
      // n words fill n positions at least: the extra distance allowed is `slop`.
      if (hits[right]![0] - lp - (n - 1) <= slop) return true;
      if (--counts[lw]! === 0) have--;
      left++;
    }
  }
  return false;
}
