// Builds one segment: the terms of each document (our analyser), then Lunr's scoring model — the
// BM25 weights lunr.Builder computes (k1 = 1.2, b = 0.75, Lunr's idf, weights rounded to 3
// decimals) — laid out as flat postings. lunr.Builder itself is not used to accumulate: its add()
// allocates an object per posting and spent ~80% of build time in add() and garbage collection
// here (≈450 docs/s); the lean builder below produces the same weights (segment-builder.test.ts
// checks them against lunr.Builder) at several thousand documents per second.
import { analyze } from './analyzer';
import type { Segment } from './segment-format';

export interface SegmentDoc {
  id: number;
  text: string;
  lang: string | null;
}

/** Lunr's defaults (lunr.Builder: _k1 = 1.2, _b = 0.75). */
const K1 = 1.2;
const B = 0.75;

/** Lunr's inverse document frequency (lunr.idf). */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)));
}

/** A growable Int32 column (postings are appended doc by doc, then regrouped by term). */
class IntColumn {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Builds a segment from documents (any order; ids must be unique). */
export function buildSegment(docs: SegmentDoc[]): Segment {
  const sorted = [...docs].sort((a, b) => a.id - b.id);
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  // Per (doc, term): which doc, which term, how often. Appended in doc order.
  const pDoc = new IntColumn();
  const pTerm = new IntColumn();
  const pTf = new IntColumn();
  const fieldLength = new Int32Array(sorted.length);
  let tfScratch = new Int32Array(1024);
  const touched: number[] = [];
  let totalLength = 0;

  sorted.forEach((doc, ordinal) => {
    const terms = analyze(doc.text, doc.lang);
    fieldLength[ordinal] = terms.length;
    totalLength += terms.length;
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termList.length;
        termIds.set(term, id);
        termList.push(term);
        if (id >= tfScratch.length) {
          const grown = new Int32Array(tfScratch.length * 2);
          grown.set(tfScratch);
          tfScratch = grown;
        }
      }
      if (tfScratch[id]! === 0) touched.push(id);
      tfScratch[id]!++;
    }
    for (const id of touched) {
      pDoc.push(ordinal);
      pTerm.push(id);
      pTf.push(tfScratch[id]!);
      tfScratch[id] = 0;
    }
    touched.length = 0;
  });

  const termCount = termList.length;
  const total = pDoc.length;
  const df = new Int32Array(termCount);
  for (let i = 0; i < total; i++) df[pTerm.data[i]!]!++;
  // The default sort orders strings by UTF-16 code units, as findTerm's `<` does (and is faster).
  const sortedTerms = [...termList].sort();
  const rankOf = new Int32Array(termCount);
  for (let r = 0; r < termCount; r++) rankOf[termIds.get(sortedTerms[r]!)!] = r;
  const termOffsets = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) termOffsets[rankOf[t]! + 1] = df[t]!;
  for (let r = 0; r < termCount; r++) termOffsets[r + 1]! += termOffsets[r]!;
  const avgLength = sorted.length ? totalLength / sorted.length : 0;
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = lunrIdf(df[t]!, sorted.length);
  const postDocs = new Uint32Array(total);
  const postWeights = new Float32Array(total);
  const cursor = termOffsets.slice(0, termCount);
  for (let i = 0; i < total; i++) {
    const t = pTerm.data[i]!;
    const ordinal = pDoc.data[i]!;
    const tf = pTf.data[i]!;
    const norm = K1 * (1 - B + B * (fieldLength[ordinal]! / avgLength)) + tf;
    const score = (idf[t]! * ((K1 + 1) * tf)) / norm;
    const at = cursor[rankOf[t]!]!++;
    postDocs[at] = ordinal;
    postWeights[at] = Math.round(score * 1000) / 1000;
  }
  return {
    docIds: Int32Array.from(sorted, (d) => d.id),
    terms: sortedTerms,
    termOffsets,
    postDocs,
    postWeights,
  };
}
