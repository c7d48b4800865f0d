/**
 * The URLs of the durable HTTP API, built as the Durable extension builds them: the durable client
 * binding's data (what a `durableClient` input receives) and the management payload that
 * createCheckStatusResponse and the start API return.
 */
export const WEBHOOK_PATH = '/runtime/webhooks/durabletask';
/** The connection name the extension reports for the default Azure Storage connection. */
const CONNECTION = 'Storage';
/** The placeholder the client replaces with an instance id. */
const ID_PLACEHOLDER = 'INSTANCEID';

export interface ManagementPayload {
  id: string;
  statusQueryGetUri: string;
  sendEventPostUri: string;
  terminatePostUri: string;
  rewindPostUri: string;
  purgeHistoryDeleteUri: string;
  restartPostUri: string;
  suspendPostUri: string;
  resumePostUri: string;
}

function querySuffix(taskHub: string): string {
  return `taskHub=${encodeURIComponent(taskHub)}&connection=${CONNECTION}`;
}

/** Links for one instance; `origin` is the scheme, host and port the caller used. */
export function managementPayload(
  origin: string,
  taskHub: string,
  instanceId: string,
  encodeId = true,
): ManagementPayload {
  const prefix = `${origin}${WEBHOOK_PATH}/instances/${encodeId ? encodeURIComponent(instanceId) : instanceId}`;
  const query = querySuffix(taskHub);
  return {
    id: instanceId,
    statusQueryGetUri: `${prefix}?${query}`,
    sendEventPostUri: `${prefix}/raiseEvent/{eventName}?${query}`,
    terminatePostUri: `${prefix}/terminate?reason={text}&${query}`,
    rewindPostUri: `${prefix}/rewind?reason={text}&${query}`,
    purgeHistoryDeleteUri: `${prefix}?${query}`,
    restartPostUri: `${prefix}/restart?${query}`,
    suspendPostUri: `${prefix}/suspend?reason={text}&${query}`,
    resumePostUri: `${prefix}/resume?reason={text}&${query}`,
  };
}

export interface DurableClientData {
  taskHubName: string;
  creationUrls: { createNewInstancePostUri: string; createAndWaitOnNewInstancePostUri: string };
  managementUrls: ManagementPayload;
  baseUrl: string;
  requiredQueryStringParameters: string;
  rpcBaseUrl: string;
}

export function durableClientData(baseUrl: string, taskHub: string): DurableClientData {
  const origin = baseUrl.replace(/\/+$/, '');
  const webhooks = `${origin}${WEBHOOK_PATH}`;
  const query = querySuffix(taskHub);
  const creation = `${webhooks}/orchestrators/{functionName}[/{instanceId}]`;
  return {
    taskHubName: taskHub,
    creationUrls: {
      createNewInstancePostUri: `${creation}?${query}`,
      createAndWaitOnNewInstancePostUri: `${creation}?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${query}`,
    },
    managementUrls: managementPayload(origin, taskHub, ID_PLACEHOLDER, false),
    baseUrl: webhooks,
    // No system key locally, as with Core Tools.
    requiredQueryStringParameters: '',
    // The SDK prefers this base for its own calls; the same API answers under the webhook path.
    rpcBaseUrl: `${webhooks}/`,
  };
}
