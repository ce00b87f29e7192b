// The on-disk (and in-memory) form of one index segment. Lunr builds the segment (its tokenizer
// contract, BM25 weights and field vectors); Sifter then keeps it as flat typed arrays instead of
// Lunr's object graph — one object per posting would cost gigabytes at 100k posts and seconds to
// load. The layout is read back with zero-copy views:
//
//   u32 headerBytes | header JSON | pad to 4 | i32 docIds[D] | u32 termOffsets[T+1] |
//   u32 postDocs[P] | f32 postWeights[P] | utf-8 terms joined by "\n" (sorted by code unit)
import { createHash } from 'node:crypto';

export const SEGMENT_FORMAT = 1;

export interface SegmentHeader {
  format: number;
  docs: number;
  terms: number;
  postings: number;
  termsBytes: number;
}

export interface Segment {
  /** Item ids of the segment's documents, ascending; a posting stores an ordinal into this. */
  docIds: Int32Array;
  /** Sorted index terms. */
  terms: string[];
  termOffsets: Uint32Array;
  postDocs: Uint32Array;
  postWeights: Float32Array;
}

const align4 = (n: number): number => (n + 3) & ~3;

export function encodeSegment(seg: Segment): Buffer {
  const termsBuf = Buffer.from(seg.terms.join('\n'), 'utf8');
  const header: SegmentHeader = {
    format: SEGMENT_FORMAT,
    docs: seg.docIds.length,
    terms: seg.terms.length,
    postings: seg.postDocs.length,
    termsBytes: termsBuf.length,
  };
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align4(4 + headerBuf.length);
  const arrays = [seg.docIds, seg.termOffsets, seg.postDocs, seg.postWeights];
  const arraysBytes = arrays.reduce((n, a) => n + a.byteLength, 0);
  const out = Buffer.alloc(start + arraysBytes + termsBuf.length);
  out.writeUInt32LE(headerBuf.length, 0);
  headerBuf.copy(out, 4);
  let at = start;
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += a.byteLength;
  }
  termsBuf.copy(out, at);
  return out;
}

/** Reads a segment file's bytes; throws (with what is wrong) on anything inconsistent. */
export function decodeSegment(buf: Buffer): Segment {
  if (buf.length < 8) throw new Error('segment file is truncated');
  const headerBytes = buf.readUInt32LE(0);
  if (headerBytes > 4096 || 4 + headerBytes > buf.length) throw new Error('segment header is damaged');
  const header = JSON.parse(buf.toString('utf8', 4, 4 + headerBytes)) as SegmentHeader;
  if (header.format !== SEGMENT_FORMAT)
    throw new Error(`segment format ${header.format} is not ${SEGMENT_FORMAT}`);
  const { docs, terms, postings, termsBytes } = header;
  const start = align4(4 + headerBytes);
  const expected = start + 4 * docs + 4 * (terms + 1) + 8 * postings + termsBytes;
  if (expected !== buf.length) throw new Error(`segment file has ${buf.length} bytes, expected ${expected}`);
  // Copy into one aligned ArrayBuffer: a Buffer from readFile may sit at any offset of a pooled slab.
  const body = new ArrayBuffer(buf.length - start);
  new Uint8Array(body).set(buf.subarray(start));
  let at = 0;
  const docIds = new Int32Array(body, at, docs);
  at += 4 * docs;
  const termOffsets = new Uint32Array(body, at, terms + 1);
  at += 4 * (terms + 1);
  const postDocs = new Uint32Array(body, at, postings);
  at += 4 * postings;
  const postWeights = new Float32Array(body, at, postings);
  at += 4 * postings;
  const termList = termsBytes === 0 ? [] : Buffer.from(body, at, termsBytes).toString('utf8').split('\n');
  if (termList.length !== terms) throw new Error('segment term list is damaged');
  if (termOffsets[terms] !== postings) throw new Error('segment postings are damaged');
  return { docIds, terms: termList, termOffsets, postDocs, postWeights };
}

export function checksum(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** Index of a term in the sorted list, or -1. */
export function findTerm(terms: string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The first index whose term is >= `term`. */
export function lowerBound(terms: string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
