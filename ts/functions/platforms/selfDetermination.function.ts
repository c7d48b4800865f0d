import * as df from 'durable-functions';
import { platformsServices } from './platformsServices';
import type { NoticeInput, OpenInput, ReviewInput, SubmissionInput } from './selfDeterminationActivities';
import { ACTIVITY, SELF_DETERMINATION, selfDeterminationOrchestrator } from './selfDeterminationOrchestrator';

// The orchestration and its activities; the activities' work is in selfDeterminationActivities.ts.
df.app.orchestration(SELF_DETERMINATION, selfDeterminationOrchestrator);
df.app.activity(ACTIVITY.open, { handler: (input: OpenInput) => platformsServices().activities.open(input) });
df.app.activity(ACTIVITY.applySubmission, {
  handler: (input: SubmissionInput) => platformsServices().activities.applySubmission(input),
});
df.app.activity(ACTIVITY.applyReview, {
  handler: (input: ReviewInput) => platformsServices().activities.applyReview(input),
});
df.app.activity(ACTIVITY.notice, {
  handler: (input: NoticeInput) => platformsServices().activities.notice(input),
});
