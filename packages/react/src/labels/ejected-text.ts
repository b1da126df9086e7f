/** What BackupStatus and WalletGate say once the wallet's private key was exported (getClient's ejectedAt). */
export const ejectedText = ({ ejectedAt }: { ejectedAt: string }): string => {
  const when = new Date(ejectedAt);
  const date = Number.isNaN(when.getTime())
    ? ejectedAt
    : new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(when);
  return `This wallet’s private key was exported on ${date}. Anyone who holds it controls the wallet.`;
};
