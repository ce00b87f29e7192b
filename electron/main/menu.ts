// The application menu. Import… and Settings ask the renderer to act (a `menu.command` event the
// Library and the shell handle); the workspace dialogs run here, since only the main process can
// show a folder picker that returns a real path.
import { BrowserWindow, Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import { dispatch } from '../core/api';
import type { Core } from '../core/core';
import type { MenuCommand } from '../../shared/api';

export interface MenuOptions {
  core: Core;
  /** Development build: adds reload and developer tools. */
  dev: boolean;
}

function send(core: Core, command: MenuCommand): void {
  core.events.emit('menu.command', { command });
}

/** Opens (or creates) a workspace and reports a refusal in a dialog. */
export async function openWorkspace(core: Core, dir: string): Promise<void> {
  const result = await dispatch(core, 'workspace.open', { dir });
  if (!result.ok) dialog.showErrorBox('Could not open the workspace', result.error.message);
}

async function pickWorkspace(core: Core, create: boolean): Promise<void> {
  const parent = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = create
    ? {
        title: 'New workspace',
        message: 'Choose or create an empty folder for the new workspace (one per investigation).',
        buttonLabel: 'Create workspace',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      }
    : {
        title: 'Open workspace',
        message: 'Choose a Sifter workspace folder.',
        buttonLabel: 'Open workspace',
        properties: ['openDirectory'],
      };
  const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const dir = picked.filePaths[0];
  if (!picked.canceled && dir) await openWorkspace(core, dir);
}

export function buildMenu({ core, dev }: MenuOptions): Menu {
  const isMac = process.platform === 'darwin';
  const recent = core.recent.list().filter((r) => r.dir !== core.workspace.paths.dir);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => send(core, 'import') },
        { type: 'separator' },
        {
          label: 'New Workspace…',
          accelerator: 'CmdOrCtrl+Shift+N',
          click: () => void pickWorkspace(core, true),
        },
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: () => void pickWorkspace(core, false),
        },
        {
          label: 'Open Recent',
          enabled: recent.length > 0,
          submenu: recent.map((r) => ({
            label: `${basename(r.dir)} — ${r.dir}`,
            click: () => void openWorkspace(core, r.dir),
          })),
        },
        { type: 'separator' },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => send(core, 'settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => send(core, 'search') },
        { type: 'separator' },
        ...(dev
          ? ([
              { role: 'reload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `Sifter ${app.getVersion()}`, enabled: false }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
