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
export class MessageLog {
  private entries: LogEntry[] = [];

  constructor(private readonly capacity = 2000) {}

  append(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): LogEntry[] {
    return this.entries.map((entry) => ({ ...entry, details: { ...entry.details } }));
  }

  clear(): void {
    this.entries = [];
  }
}
