// The shape of one `sifter` sub-command. Commands are thin: parse flags, call core, format output.
// With --json a command prints exactly one JSON document on stdout; progress and messages go to stderr.
import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandContext {
  /** Positional arguments after the command name(s). */
  positionals: string[];
  /** Parsed flags (strings, booleans, or string arrays for `multiple` options). */
  flags: Record<string, string | boolean | string[] | undefined>;
  io: CliIO;
  /** The workspace folder from --workspace or SIFTER_WORKSPACE; throws a usage error when neither is set. */
  workspaceDir(): string;
  version: string;
}

export interface Command {
  /** e.g. "serve", "workspace info", "tag add". */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. Long-running commands (serve) resolve when they stop. */
  run(ctx: CommandContext): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
