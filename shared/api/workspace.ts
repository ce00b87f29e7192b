import { z } from 'zod';
import { defineCall } from './define';
import type { RecentWorkspace, WorkspaceInfo } from '../domain';

export const workspaceCalls = {
  'app.info': defineCall<{ version: string; mode: 'electron' | 'browser'; workspace: string }>()(
    z.object({}).strict(),
  ),
  'workspace.info': defineCall<WorkspaceInfo>()(z.object({}).strict()),
  /** Opens (or creates, when the folder is missing or empty) a workspace and makes it current. */
  'workspace.open': defineCall<WorkspaceInfo>()(z.object({ dir: z.string().min(1) }).strict()),
  'workspace.recent': defineCall<RecentWorkspace[]>()(z.object({}).strict()),
} as const;
