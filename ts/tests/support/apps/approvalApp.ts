/**
 * A test-only app whose orchestration waits for an external event, so a test can stop the local host
 * while it waits and check that a new host resumes it from the history kept in Azurite.
 */
import { app } from '@azure/functions';
import * as df from 'durable-functions';

df.app.orchestration('awaitApproval', function* (context) {
  const request = context.df.getInput<{ dossier: string }>();
  context.df.setCustomStatus('waiting for approval');
  const approval = (yield context.df.waitForExternalEvent('approval')) as { by: string };
  const stamped = (yield context.df.callActivity('stampApproval', {
    dossier: request.dossier,
    by: approval.by,
  })) as string;
  return stamped;
});

df.app.activity('stampApproval', {
  handler: (input: { dossier: string; by: string }) => `${input.dossier} approved by ${input.by}`,
});

app.http('startApproval', {
  route: 'approvals',
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: async (request, context) => {
    const client = df.getClient(context);
    const body = (await request.json()) as { dossier: string };
    const instanceId = await client.startNew('awaitApproval', {
      input: body,
      instanceId: `approval-${body.dossier}`,
    });
    return client.createCheckStatusResponse(request, instanceId);
  },
});
