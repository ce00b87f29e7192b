// `sifter` command line: picks the sub-command, parses its flags, runs it, maps errors to exit codes.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { commands } from './commands';
import { UsageError, type CliIO, type Command, type CommandContext } from './command';
import { SifterError } from '../core/errors';

declare const __SIFTER_VERSION__: string | undefined;
export const VERSION = typeof __SIFTER_VERSION__ === 'string' ? __SIFTER_VERSION__ : '0.0.0-dev';

const GLOBAL_OPTIONS = {
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'sifter — a workbench for media-monitoring analysts',
    '',
    'Usage: sifter <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command that reads or writes a workspace takes --workspace DIR (or SIFTER_WORKSPACE);',
    'a missing or empty folder becomes a new workspace.',
    'Run `sifter <command> --help` for its options. --json prints one JSON document on stdout.',
    '',
  ].join('\n');
}

/** Finds the longest command name that the leading positionals spell ("tag add" before "tag"). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const words = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  for (let n = Math.min(words.length, 3); n > 0; n--) {
    const name = words.slice(0, n).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(n) };
  }
  return undefined;
}

export async function runCli(
  argv: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(
      `sifter: unknown command "${argv
        .filter((a) => !a.startsWith('-'))
        .slice(0, 2)
        .join(' ')}"\n\n${helpText()}`,
    );
    return 2;
  }
  const { command, rest } = found;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    const ctx: CommandContext = {
      positionals,
      flags: values as CommandContext['flags'],
      io,
      version: VERSION,
      workspaceDir: () => {
        const dir = (values.workspace as string | undefined) ?? env.SIFTER_WORKSPACE;
        if (!dir) throw new UsageError('no workspace: pass --workspace DIR or set SIFTER_WORKSPACE');
        return resolve(dir);
      },
    };
    return await command.run(ctx);
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`sifter ${command.name}: ${(err as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (err instanceof SifterError) {
      io.stderr(`sifter ${command.name}: ${err.message}\n`);
      return err.code === 'INVALID' ? 2 : 1;
    }
    io.stderr(`sifter ${command.name}: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
