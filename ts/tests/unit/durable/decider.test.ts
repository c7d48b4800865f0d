/**
 * The decider hands out task ids the way the durable-functions SDK counts them; a wrong id would send a
 * completion to the wrong task. These cases pin down the counting for retries, long timers, races and
 * continueAsNew without running an orchestrator.
 */
import { describe, expect, it } from 'vitest';
import { decide, retryDelayMs, type DecideInput } from '../../../local/durable/decider';
import { historyEvent } from '../../../local/durable/history';
import { ActionType, EventType, type HistoryEvent, type SdkAction } from '../../../local/durable/types';

const T0 = new Date('2025-01-01T00:00:00Z');
const DAY = 86_400_000;
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function episode(ms: number, ...events: HistoryEvent[]): HistoryEvent[] {
  return [historyEvent(EventType.OrchestratorStarted, at(ms)), ...events];
}
const started = historyEvent(EventType.ExecutionStarted, T0, { Name: 'o' });
const scheduled = (id: number, name: string) =>
  historyEvent(EventType.TaskScheduled, T0, { EventId: id, Name: name });
const completed = (id: number) =>
  historyEvent(EventType.TaskCompleted, T0, { TaskScheduledId: id, Result: '1' });
const failed = (id: number) =>
  historyEvent(EventType.TaskFailed, T0, { TaskScheduledId: id, Reason: 'r', Details: '' });
const timerCreated = (id: number, ms: number) =>
  historyEvent(EventType.TimerCreated, T0, { EventId: id, FireAt: at(ms).toISOString() });
const timerFired = (id: number) => historyEvent(EventType.TimerFired, T0, { TimerId: id });
const raised = (name: string) => historyEvent(EventType.EventRaised, T0, { Name: name, Input: '1' });

const activity = (name: string): SdkAction => ({
  actionType: ActionType.CallActivity,
  functionName: name,
  input: '"x"',
});
const timer = (ms: number): SdkAction => ({
  actionType: ActionType.CreateTimer,
  fireAt: at(ms).toISOString(),
  isCanceled: false,
});
const waitFor = (name: string): SdkAction => ({
  actionType: ActionType.WaitForExternalEvent,
  externalEventName: name,
});
const retry = (name: string): SdkAction => ({
  actionType: ActionType.CallActivityWithRetry,
  functionName: name,
  retryOptions: { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 2 },
});

function run(history: HistoryEvent[], actions: SdkAction[]): ReturnType<typeof decide> {
  const input: DecideInput = {
    instanceId: 'i',
    history,
    actions,
    maximumShortTimerMs: 6 * DAY,
    longTimerIntervalMs: 3 * DAY,
  };
  return decide(input);
}

describe('decide', () => {
  it('schedules only the work that has no scheduling event yet', () => {
    const decision = run(
      [...episode(0, started), scheduled(0, 'a'), ...episode(1, completed(0))],
      [activity('a'), activity('b')],
    );
    expect(decision.commands).toEqual([{ kind: 'activity', id: 1, name: 'b', input: '"x"' }]);
  });

  it('follows a failed attempt with a retry timer, then a new attempt with the next ids', () => {
    const afterFailure = run(
      [...episode(0, started), scheduled(0, 'a'), ...episode(5000, failed(0))],
      [retry('a')],
    );
    expect(afterFailure.commands).toEqual([{ kind: 'timer', id: 1, fireAt: at(6000).toISOString() }]);
    const afterTimer = run(
      [
        ...episode(0, started),
        scheduled(0, 'a'),
        ...episode(5000, failed(0)),
        timerCreated(1, 6000),
        ...episode(6000, timerFired(1)),
      ],
      [retry('a')],
    );
    expect(afterTimer.commands).toEqual([{ kind: 'activity', id: 2, name: 'a', input: undefined }]);
  });

  it('splits a long timer into 3-day steps until the last step fits', () => {
    const first = run(episode(0, started), [timer(10 * DAY)]);
    expect(first.commands).toEqual([{ kind: 'timer', id: 0, fireAt: at(3 * DAY).toISOString() }]);
    const second = run(
      [...episode(0, started), timerCreated(0, 3 * DAY), ...episode(3 * DAY, timerFired(0))],
      [timer(10 * DAY)],
    );
    expect(second.commands).toEqual([{ kind: 'timer', id: 1, fireAt: at(6 * DAY).toISOString() }]);
    const last = run(
      [
        ...episode(0, started),
        timerCreated(0, 3 * DAY),
        ...episode(3 * DAY, timerFired(0)),
        timerCreated(1, 6 * DAY),
        ...episode(6 * DAY, timerFired(1)),
      ],
      [timer(10 * DAY)],
    );
    expect(last.commands).toEqual([{ kind: 'timer', id: 2, fireAt: at(10 * DAY).toISOString() }]);
  });

  it('gives every child of a race its id before the next action, even when an event already waits', () => {
    const decision = run(
      [...episode(0, started, raised('go'))],
      [{ actionType: ActionType.WhenAny, compoundActions: [waitFor('go'), timer(DAY)] }, activity('after')],
    );
    expect(decision.commands).toEqual([
      { kind: 'timer', id: 0, fireAt: at(DAY).toISOString() },
      { kind: 'activity', id: 1, name: 'after', input: '"x"' },
    ]);
  });

  it('fails a fan-in at the first failure and starts what follows', () => {
    const decision = run(
      [...episode(0, started), scheduled(0, 'a'), scheduled(1, 'b'), ...episode(1, failed(1))],
      [{ actionType: ActionType.WhenAll, compoundActions: [activity('a'), activity('b')] }, activity('c')],
    );
    expect(decision.commands).toEqual([{ kind: 'activity', id: 2, name: 'c', input: '"x"' }]);
  });

  it('carries events nobody waited for into the next execution', () => {
    const decision = run(episode(0, started, raised('inc'), raised('inc'), raised('other')), [
      waitFor('inc'),
      { actionType: ActionType.ContinueAsNew, input: 1 },
    ]);
    expect(decision.continueAsNew?.input).toBe('1');
    expect(decision.continueAsNew?.carryOver.map((event) => event.Name)).toEqual(['inc', 'other']);
  });

  it('names sub-orchestrations after their parent and task id unless given an id', () => {
    const decision = run(episode(0, started), [
      {
        actionType: ActionType.WhenAll,
        compoundActions: [
          { actionType: ActionType.CallSubOrchestrator, functionName: 'child', input: 'raw' },
          { actionType: ActionType.CallSubOrchestrator, functionName: 'child', instanceId: 'fixed' },
        ],
      },
    ]);
    expect(decision.commands).toEqual([
      { kind: 'subOrchestration', id: 0, name: 'child', instanceId: 'i:0', input: '"raw"' },
      { kind: 'subOrchestration', id: 1, name: 'child', instanceId: 'fixed', input: undefined },
    ]);
  });

  it('stops on a replay that does not match the history', () => {
    const decision = run([...episode(0, started), scheduled(0, 'a')], [activity('b')]);
    expect(decision.error).toContain('Non-deterministic');
  });

  it('refuses actions the local host cannot run', () => {
    const decision = run(episode(0, started), [{ actionType: ActionType.CallEntity }]);
    expect(decision.error).toContain('does not support');
  });
});

describe('retryDelayMs', () => {
  it('grows by the backoff coefficient and stops at the maximum interval', () => {
    const options = {
      firstRetryIntervalInMilliseconds: 1000,
      maxNumberOfAttempts: 5,
      backoffCoefficient: 2,
      maxRetryIntervalInMilliseconds: 3000,
    };
    expect([1, 2, 3].map((failures) => retryDelayMs(options, failures))).toEqual([1000, 2000, 3000]);
    expect(retryDelayMs({ firstRetryIntervalInMilliseconds: 500, maxNumberOfAttempts: 2 }, 3)).toBe(500);
  });
});
