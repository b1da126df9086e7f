#!/usr/bin/env node
import { CliUsageError, USAGE, parseCliOptions } from './cli-options.js';
import { startServer } from './start-server.js';
import { runKeysCommand } from './cli/keys-command.js';
import { runPipelineCommand } from './cli/pipeline-command.js';

// `backup-kit-server keys rotate ...`: a maintenance command beside the server.
if (process.argv[2] === 'keys') {
  try {
    process.exit(await runKeysCommand(process.argv.slice(3), process.env));
  } catch (error) {
    process.stderr.write(`backup-kit-server keys: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

// `backup-kit-server pipeline run ...`: one user's server-side backup over the Enclave MPC API.
if (process.argv[2] === 'pipeline') {
  try {
    process.exit(await runPipelineCommand(process.argv.slice(3), process.env));
  } catch (error) {
    process.stderr.write(`backup-kit-server pipeline: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

try {
  const server = await startServer(await parseCliOptions(process.argv.slice(2), process.env));
  // The URL on stdout for scripts that start the server and wait for it; logs go to stderr.
  process.stdout.write(`${server.url}\n`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof CliUsageError) {
    if (error.message) process.stderr.write(`backup-kit-server: ${error.message}\n\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exit(error.message ? 2 : 0);
  }
  process.stderr.write(`backup-kit-server: ${(error as Error).message}\n`);
  process.exit(1);
}
