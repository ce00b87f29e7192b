// Entry of the built `sifter` binary (out/cli/sifter.mjs, started by bin/sifter.mjs).
import { runCli } from './main';

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    // Long-running commands (serve) never resolve; one-shot commands exit once stdout has drained.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sifter: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
