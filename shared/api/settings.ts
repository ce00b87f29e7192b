import { z } from 'zod';
import { defineCall } from './define';
import type { Settings } from '../settings';

export const settingsCalls = {
  /** The settings, plus a warning when a corrupt settings file was set aside at start. */
  'settings.get': defineCall<{ settings: Settings; warning: string | null }>()(z.object({}).strict()),
  /** Merges a partial settings object (validated against the schema) and returns the result. */
  'settings.update': defineCall<{ settings: Settings }>()(
    z.object({ patch: z.record(z.string(), z.unknown()) }).strict(),
  ),
} as const;
