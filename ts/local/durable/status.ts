/**
 * The status object of an instance, shaped as the Durable extension's HTTP API returns it (and as the
 * SDK's DurableOrchestrationStatus reads it): times to the second with a Z, JSON payloads parsed, and
 * `input`/`output`/`customStatus` present (null when empty) because the SDK rejects a status without them.
 */
import { parseJsonText, summarizeHistory } from './history';
import type { InstanceRecord, RuntimeStatus } from './types';

export interface StatusOptions {
  showHistory?: boolean;
  showHistoryOutput?: boolean;
  showInput?: boolean;
}

export interface InstanceStatus {
  name: string;
  instanceId: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  customStatus: unknown;
  output: unknown;
  createdTime: string;
  lastUpdatedTime: string;
  historyEvents?: unknown[];
}

function seconds(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

export function toStatus(record: InstanceRecord, options: StatusOptions = {}): InstanceStatus {
  const showInput = options.showInput ?? true;
  const status: InstanceStatus = {
    name: record.name,
    instanceId: record.instanceId,
    runtimeStatus: record.status,
    input: showInput ? parseJsonText(record.input) : null,
    customStatus: parseJsonText(record.customStatus),
    output: parseJsonText(record.output),
    createdTime: seconds(record.createdTime),
    lastUpdatedTime: seconds(record.lastUpdatedTime),
  };
  if (options.showHistory) {
    status.historyEvents = summarizeHistory(record.history, {
      showHistoryOutput: options.showHistoryOutput ?? false,
      showInput,
    });
  }
  return status;
}
