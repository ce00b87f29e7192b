// One settings schema for both homes of settings: electron-store in the app, settings.json in the
// workspace folder in browser/CLI mode. API keys never live here (DESIGN §3).
import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  /** IANA time zone used to read dates in queries and show times; empty = UTC. */
  timeZone: z.string().default(''),
  /** Target language for translations (ISO 639-1). */
  targetLanguage: z.string().min(2).max(3).default('en'),
  reader: z
    .object({
      layout: z.enum(['side-by-side', 'original', 'translation']).default('side-by-side'),
    })
    .prefault({}),
  translation: z
    .object({
      engine: z.enum(['none', 'deepl', 'libretranslate', 'openai', 'apertium']).default('none'),
      deeplHost: z.enum(['free', 'pro']).default('free'),
      libretranslateUrl: z.string().default(''),
      openaiBaseUrl: z.string().default(''),
      openaiModel: z.string().default(''),
      apertiumUrl: z.string().default(''),
    })
    .prefault({}),
  /** Ids of the tags bound to the keys 1–9. */
  pinnedTags: z.array(z.number().int()).max(9).default([]),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsPatch = z.input<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
