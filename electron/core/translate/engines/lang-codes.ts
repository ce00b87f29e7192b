// Sifter speaks ISO 639-1 ("es"); engines do not always. Mapping happens here, at the edge.

/** ISO 639-1 → ISO 639-3/B as Apertium names its modes ("spa-eng"). */
// prettier-ignore
const ISO1_TO_APERTIUM: Record<string, string> = {
  af: 'afr', an: 'arg', ar: 'ara', ast: 'ast', be: 'bel', bg: 'bul', br: 'bre', ca: 'cat', cs: 'ces', cy: 'cym',
  da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin',
  fr: 'fra', ga: 'gle', gl: 'glg', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind', is: 'isl',
  it: 'ita', ja: 'jpn', ka: 'kat', kk: 'kaz', ko: 'kor', ky: 'kir', lt: 'lit', lv: 'lav', mk: 'mkd', ms: 'msa',
  mt: 'mlt', nb: 'nob', nl: 'nld', nn: 'nno', oc: 'oci', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sc: 'srd',
  se: 'sme', sk: 'slk', sl: 'slv', sq: 'sqi', sr: 'srp', sv: 'swe', tr: 'tur', tt: 'tat', uk: 'ukr', ur: 'urd',
  uz: 'uzb', zh: 'zho',
};

/** Older three-letter spellings Apertium pairs still use. */
// prettier-ignore
const APERTIUM_ALIASES: Record<string, string> = { fre: 'fr', ger: 'de', cze: 'cs', dut: 'nl', rum: 'ro', slo: 'sk', alb: 'sq', arm: 'hy', geo: 'ka', per: 'fa', chi: 'zh', gre: 'el', mac: 'mk', may: 'ms', ice: 'is', baq: 'eu', wel: 'cy', hbs: 'sr', nor: 'nb' };

const APERTIUM_TO_ISO1: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ISO1_TO_APERTIUM).map(([k, v]) => [v, k])),
  ...APERTIUM_ALIASES,
};

export function toApertium(iso1: string): string | null {
  return ISO1_TO_APERTIUM[iso1] ?? null;
}

/** "spa" → "es"; "eng_US" (a variant) → "en"; null for codes Sifter has no ISO 639-1 for. */
export function fromApertium(code: string): string | null {
  const base = code.split(/[_-]/)[0]?.toLowerCase() ?? '';
  return APERTIUM_TO_ISO1[base] ?? (base.length === 2 ? base : null);
}

/** DeepL target codes: English and Portuguese need a variant; the rest are the upper-cased code. */
export function toDeeplTarget(iso1: string): string {
  if (iso1 === 'en') return 'EN-US';
  if (iso1 === 'pt') return 'PT-PT';
  if (iso1 === 'zh') return 'ZH-HANS';
  return iso1.toUpperCase();
}

export function toDeeplSource(iso1: string): string {
  return iso1.toUpperCase();
}

/** "EN-GB" → "en". */
export function fromDeepl(code: string): string {
  return (code.split('-')[0] ?? code).toLowerCase();
}

/** LibreTranslate uses ISO 639-1 except for a few script variants ("zh-Hans", "pt-BR"). */
export function toLibre(iso1: string): string {
  return iso1 === 'zh' ? 'zh-Hans' : iso1;
}

export function fromLibre(code: string): string {
  return (code.split('-')[0] ?? code).toLowerCase();
}

// prettier-ignore
const NAMES: Record<string, string> = { en: 'English', ru: 'Russian', uk: 'Ukrainian', es: 'Spanish', de: 'German', fr: 'French', pl: 'Polish', be: 'Belarusian', it: 'Italian', pt: 'Portuguese', zh: 'Chinese', ar: 'Arabic', tr: 'Turkish', ka: 'Georgian', kk: 'Kazakh', ro: 'Romanian' };

/** An English name for prompts to chat models ("Spanish"); the code itself when unknown. */
export function languageName(iso1: string): string {
  try {
    return NAMES[iso1] ?? new Intl.DisplayNames(['en'], { type: 'language' }).of(iso1) ?? iso1;
  } catch {
    return iso1;
  }
}
