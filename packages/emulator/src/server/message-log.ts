import type { MessageDetails } from '../protocol/message-details.js';
import type { SdkRequestType } from '../protocol/sdk-message-types.js';

export interface LogEntry {
  at: string;
  clientId: string | null;
  apiKey: string | null;
  type: SdkRequestType;
  /** Only allowlisted, non-secret fields (see describeMessage). */
  details: MessageDetails;
}

/** The messages the iframe received, oldest first; bounded so a long dev session cannot grow it forever. */
export interface MessageLog {
  append(entry: LogEntry): void;
  list(): LogEntry[];
  clear(): void;
}

export function createMessageLog(capacity = 2000): MessageLog {
  let entries: LogEntry[] = [];
  return {
    append(entry) {
      entries.push(entry);
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    list: () => entries.map((entry) => ({ ...entry, details: { ...entry.details } })),
    clear() {
      entries = [];
    },
  };
}
