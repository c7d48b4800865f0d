import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { errorResponse } from '../core/http';

type DurableHttpHandler = (
  request: HttpRequest,
  client: DurableClient,
  context: InvocationContext,
) => Promise<HttpResponseInit>;

/** withProblems for handlers registered with df.app.client.http, which also receive a durable client. */
export function withDurableProblems(handler: DurableHttpHandler): DurableHttpHandler {
  return async (request, client, context) => {
    try {
      return await handler(request, client, context);
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}
