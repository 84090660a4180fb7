// The `sourced` command line, for newsrooms' CI. Each command lives in src/cli/commands.
// Exit codes: 0 nothing flagged, 1 something flagged, 2 usage or input error.
import { version } from '../package.json';
import { ARCHIVE_USAGE, runArchive } from './cli/commands/archive';
import { CHECK_USAGE, runCheck } from './cli/commands/check';
import { terminalLine } from './cli/terminalText';
import { UsageError } from './cli/usageError';

const COMMANDS: Record<string, { usage: string; run: (args: string[]) => Promise<number> }> = {
  check: { usage: CHECK_USAGE, run: runCheck },
  archive: { usage: ARCHIVE_USAGE, run: runArchive },
};

const GENERAL_HELP = `${CHECK_USAGE}

${ARCHIVE_USAGE.split('\n')[0]}

Also:
  sourced --version     print the version of Sourced`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    console.log(version);
    return 0;
  }
  const help = argv.includes('-h') || argv.includes('--help');
  if (command === undefined || (help && !(command in COMMANDS))) {
    if (help) {
      console.log(GENERAL_HELP);
      return 0;
    }
    throw new UsageError('missing command: use "sourced check FILE..."');
  }
  const entry = COMMANDS[command];
  if (!entry) throw new UsageError(`unknown command "${command}": the commands are "check" and "archive ingest"`);
  if (help) {
    console.log(entry.usage);
    return 0;
  }
  return entry.run(rest);
}

// A library's warning can quote a source (the YAML parser echoes the line it stumbled on): print
// warnings through the same escaping as everything else, instead of Node's raw default printer.
process.removeAllListeners('warning');
process.on('warning', (warning) => console.error(`sourced: warning: ${terminalLine(warning.message)}`));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`sourced: ${terminalLine(error.message)}\n\n${CHECK_USAGE.split('\n')[0]}`);
    else console.error(`sourced: ${terminalLine(error instanceof Error ? error.message : String(error))}`);
    process.exitCode = 2;
  },
);
