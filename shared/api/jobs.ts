import { z } from 'zod';
import { defineCall } from './define';
import type { JobInfo } from '../domain';

export const jobCalls = {
  'jobs.list': defineCall<JobInfo[]>()(z.object({}).strict()),
  'jobs.cancel': defineCall<{ cancelled: boolean }>()(z.object({ id: z.string().min(1) }).strict()),
} as const;
