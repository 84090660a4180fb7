// Option parsing shared by the CLI's commands: each command declares its options in a table,
// so a new option is one entry (its flag, whether it takes a value, its help line).
import { UsageError } from './usageError';

export interface OptionSpec {
  flag: `--${string}`;
  /** Name of the value in help, e.g. 'DIR'; absent for a switch. */
  value?: string;
  help: string;
}

export interface ParsedArgs {
  /** Each option's value ('true' for a switch), by flag. */
  options: Map<string, string>;
  positional: string[];
}

/** Splits a command's arguments into known options and positional arguments. */
export function parseOptions(args: string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `--` ends the options, as in every Unix tool: what follows is positional, even "-draft.md".
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
    const spec = specs.find((s) => s.flag === flag);
    if (!spec) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
      positional.push(arg);
      continue;
    }
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      options.set(flag, 'true');
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    options.set(flag, value);
  }
  return { options, positional };
}

/** The help lines of an option table, aligned. */
export function optionHelp(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => (s.value ? `${s.flag} ${s.value}` : s.flag));
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  // A help text's further lines start under its first.
  return specs.map((s, i) => `  ${heads[i].padEnd(width)}${s.help.split('\n').join(`\n  ${' '.repeat(width)}`)}`).join('\n');
}
