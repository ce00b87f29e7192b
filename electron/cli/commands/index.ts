// Every `sifter` sub-command, in the order `sifter --help` lists them.
import type { Command } from '../command';
import { workspaceInfo } from './workspace-info';

export const commands: Command[] = [workspaceInfo];
