#!/usr/bin/env node
import { CLI_USAGE, parseCliArguments, type CliCommand } from './cli-arguments.js';
import { startEmulator } from './start-emulator.js';

let command: CliCommand;
try {
  command = parseCliArguments(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`backup-kit-emulator: ${error instanceof Error ? error.message : String(error)}\n\n${CLI_USAGE}`);
  process.exit(2);
}

if (command.kind === 'help') {
  console.log(CLI_USAGE);
} else {
  const emulator = await startEmulator(command.options);
  console.info(`[backup-kit-emulator] listening on ${emulator.url}; control API at ${emulator.url}/_emulator/state`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void emulator.stop().then(() => process.exit(0)));
  }
}
