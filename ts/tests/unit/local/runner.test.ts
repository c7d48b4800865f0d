import { describe, expect, it } from 'vitest';
import { failureSummary } from '../../../local/runner';

describe('invocation failure lines', () => {
  it('show the first line of an ordinary error', () => {
    expect(failureSummary(new Error('storage unavailable\n    at stack'))).toBe('storage unavailable');
  });

  it("show an orchestrator's own error, not the SDK's wrapper", () => {
    const state = { isDone: true, actions: [], error: 'Error: platform p-1 not found\n at x', output: null };
    const wrapped = new Error(`false\n\n$OutOfProcData$:${JSON.stringify(state)}`);
    expect(failureSummary(wrapped)).toBe('orchestrator failed: Error: platform p-1 not found');
  });
});
