// What is open: the app's mode and version, and the current workspace with its row counts. Loaded
// at start and again whenever the back end says the workspace changed (switched, imported into…).
import { create } from 'zustand';
import type { WorkspaceInfo } from '../../../shared/domain';
import { call, subscribe } from './api';

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  workspace: string;
}

interface WorkspaceStore {
  app: AppInfo | null;
  workspace: WorkspaceInfo | null;
  /** Why the workspace could not be read, when it could not. */
  error: string | null;
}

const useWorkspaceStore = create<WorkspaceStore>(() => ({ app: null, workspace: null, error: null }));

export async function refreshWorkspace(): Promise<void> {
  const [app, workspace] = await Promise.all([call('app.info', {}), call('workspace.info', {})]);
  useWorkspaceStore.setState({
    app: app.ok ? app.value : useWorkspaceStore.getState().app,
    workspace: workspace.ok ? workspace.value : null,
    error: !app.ok ? app.error.message : !workspace.ok ? workspace.error.message : null,
  });
}

/** Keeps the store current; returns the unsubscribe function. */
export function trackWorkspace(): () => void {
  void refreshWorkspace();
  return subscribe('workspace.changed', () => void refreshWorkspace());
}

export function useAppInfo(): AppInfo | null {
  return useWorkspaceStore((s) => s.app);
}

export function useWorkspaceInfo(): WorkspaceInfo | null {
  return useWorkspaceStore((s) => s.workspace);
}

export function useWorkspaceError(): string | null {
  return useWorkspaceStore((s) => s.error);
}

/** The last part of a folder path, for places too narrow for the whole path. */
export function folderName(dir: string): string {
  const parts = dir.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? dir;
}
