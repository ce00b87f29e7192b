// The workbench's back end as one object: the open workspace, settings, events and jobs.
// Transports (IPC, HTTP, CLI) hold one Core and call it through the handler map in api.ts.
import { EventBus } from './events';
import { JobRegistry } from './jobs/jobs';
import { SettingsStore, fileSettingsBackend, type SettingsBackend } from './settings/settings';
import { openWorkspace, workspacePaths, type Workspace, type WorkspacePaths } from './workspace/workspace';
import { RecentWorkspaces } from './workspace/recent';
import { SifterError } from './errors';

export type CoreMode = 'electron' | 'browser' | 'cli';

export interface CoreOptions {
  mode: CoreMode;
  workspaceDir: string;
  version: string;
  /** Where settings live; defaults to settings.json in the workspace folder. */
  settingsBackend?: (paths: WorkspacePaths) => SettingsBackend;
  /** The JSON file listing recent workspaces; null keeps no list (tests, one-shot CLI commands). */
  recentFile?: string | null;
}

/** Something that lives as long as one open workspace (a search index, a watcher…). */
export interface WorkspaceScoped {
  dispose(): void | Promise<void>;
}

export class Core {
  readonly events = new EventBus();
  readonly jobs = new JobRegistry(this.events);
  readonly recent: RecentWorkspaces;
  private ws: Workspace;
  private settingsStore: SettingsStore;
  private readonly scopedServices = new Map<string, WorkspaceScoped>();

  constructor(readonly options: CoreOptions) {
    this.recent = new RecentWorkspaces(options.recentFile ?? null);
    this.ws = openWorkspace(options.workspaceDir);
    this.settingsStore = this.loadSettings(this.ws.paths);
    this.recent.add(this.ws.paths.dir);
  }

  get workspace(): Workspace {
    if (!this.ws.db.isOpen) throw new SifterError('UNAVAILABLE', 'The workspace is closed.');
    return this.ws;
  }

  get settings(): SettingsStore {
    return this.settingsStore;
  }

  /** A service tied to the open workspace, created on first use and disposed when it closes. */
  scoped<T extends WorkspaceScoped>(key: string, create: (ws: Workspace) => T): T {
    let service = this.scopedServices.get(key);
    if (!service) {
      service = create(this.workspace);
      this.scopedServices.set(key, service);
    }
    return service as T;
  }

  /** Opens (or creates) another workspace and makes it current; the previous one is closed. */
  async switchWorkspace(dir: string): Promise<Workspace> {
    if (workspacePaths(dir).dir === this.ws.paths.dir) return this.ws;
    if (this.jobs.list().some((j) => j.state === 'running')) {
      throw new SifterError(
        'CONFLICT',
        'Wait for the running jobs to finish (or cancel them) before switching workspaces.',
      );
    }
    const next = openWorkspace(dir); // throws, leaving the current workspace open, if refused
    await this.disposeScoped();
    this.ws.close();
    this.ws = next;
    this.settingsStore = this.loadSettings(next.paths);
    this.recent.add(next.paths.dir);
    this.events.emit('workspace.changed', { dir: next.paths.dir, reason: 'opened' });
    return next;
  }

  async close(): Promise<void> {
    for (const job of this.jobs.list()) if (job.state === 'running') this.jobs.cancel(job.id);
    await this.disposeScoped();
    this.ws.close();
  }

  private async disposeScoped(): Promise<void> {
    const services = [...this.scopedServices.values()];
    this.scopedServices.clear();
    for (const service of services) await service.dispose();
  }

  private loadSettings(paths: WorkspacePaths): SettingsStore {
    const backend = this.options.settingsBackend?.(paths) ?? fileSettingsBackend(paths.settings);
    return new SettingsStore(backend);
  }
}
