/** Printed on every start: nobody should mistake this for Portal or put real funds behind it. */
export function developmentNotice(url: string): string {
  const lines = [
    'BACKUP KIT EMULATOR: FOR DEVELOPMENT AND TESTS ONLY',
    '',
    'This is NOT Portal and NOT MPC. Keys are split with plain additive',
    'shares, the server can read every custodian share, and nothing here',
    'is hardened or secure. Never use it with real funds or real users.',
    '',
    `Portal host: ${url.replace(/^http:\/\//, '')}   (new Portal({ host, apiKey, rpcConfig }))`,
    `Enclave MPC API: ${url}/v1/…   (for https://mpc-client.portalhq.io)`,
    `Portal API:      ${url}/api/v3/…   (for https://api.portalhq.io)`,
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = `!${'!'.repeat(width + 4)}!`;
  return [border, ...lines.map((line) => `!!  ${line.padEnd(width)}  !!`), border].join('\n');
}
