// Every `sifter` sub-command, in the order `sifter --help` lists them.
import type { Command } from '../command';
import { workspaceInfo } from './workspace-info';
import { serve } from './serve';
import { translate } from './translate';
import { tagCommands } from './tag';
import { search } from './search';
import { importCommand } from './import';
import { exportCommand } from './export';

export const commands: Command[] = [
  serve,
  workspaceInfo,
  importCommand,
  translate,
  ...tagCommands,
  search,
  exportCommand,
];
