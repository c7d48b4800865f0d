/**
 * Service Bus queue triggers, fed locally from an Azurite queue of the same name (messages as UTF-8
 * text, JSON for structured ones). A message whose function throws becomes visible again and is tried
 * up to ten times (Service Bus's default max delivery count), then moves to `{queue}-deadletter`.
 */
import type { QueueServiceClient } from '@azure/storage-queue';
import type { CapturedApp, RegisteredFunction } from '../functionsCore';
import { triggerBinding } from '../invoke';
import type { FunctionRunner, LineLogger } from '../runner';
import { PollingLoop } from './pollingLoop';
import { resolveSettingReferences } from './timerTrigger';

export const MAX_DELIVERY_COUNT = 10;

interface WatchedQueue {
  fn: RegisteredFunction;
  triggerName: string;
  queueName: string;
}

export class ServiceBusQueueTrigger {
  private readonly watched: WatchedQueue[] = [];
  private readonly loop: PollingLoop;

  constructor(
    app: CapturedApp,
    private readonly runner: FunctionRunner,
    private readonly queues: QueueServiceClient,
    private readonly log: LineLogger,
    pollMs = 500,
    private readonly retryDelaySeconds = 5,
  ) {
    this.loop = new PollingLoop(() => this.pollOnce(), pollMs);
    for (const fn of app.functions.values()) {
      const [triggerName, binding] = triggerBinding(fn);
      if (binding.type !== 'serviceBusTrigger' || typeof binding.queueName !== 'string') continue;
      this.watched.push({ fn, triggerName, queueName: resolveSettingReferences(binding.queueName) });
    }
  }

  describe(): string[] {
    return this.watched.map((w) => `${w.fn.name}: Service Bus queue ${w.queueName} (Azurite queue)`);
  }

  has(name: string): boolean {
    return this.watched.some((w) => w.fn.name === name);
  }

  async start(): Promise<void> {
    if (this.watched.length === 0) return;
    for (const watched of this.watched)
      await this.queues.getQueueClient(watched.queueName).createIfNotExists();
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  async pollOnce(): Promise<void> {
    for (const watched of this.watched) {
      const queue = this.queues.getQueueClient(watched.queueName);
      const { receivedMessageItems } = await queue.receiveMessages({
        numberOfMessages: 16,
        visibilityTimeout: this.retryDelaySeconds,
      });
      for (const message of receivedMessageItems) {
        if (this.loop.stopped) return;
        try {
          await this.deliver(
            watched,
            message.messageText,
            message.messageId,
            message.dequeueCount,
            message.insertedOn,
          );
          await queue.deleteMessage(message.messageId, message.popReceipt);
        } catch {
          if (message.dequeueCount >= MAX_DELIVERY_COUNT) {
            const deadLetter = this.queues.getQueueClient(`${watched.queueName}-deadletter`);
            await deadLetter.createIfNotExists();
            await deadLetter.sendMessage(message.messageText);
            await queue.deleteMessage(message.messageId, message.popReceipt);
            this.log(
              `Message ${message.messageId} dead-lettered after ${message.dequeueCount} deliveries to ${watched.fn.name}`,
            );
          }
        }
      }
    }
  }

  /** Delivers a message body by hand (`POST /admin/functions/{name}` with the body as input). */
  async runNow(name: string, body: string): Promise<string> {
    const watched = this.watched.find((w) => w.fn.name === name);
    if (!watched) throw new Error(`No Service Bus queue function named ${name}`);
    return this.deliver(watched, body, `manual-${Date.now()}`, 1, new Date());
  }

  private async deliver(
    watched: WatchedQueue,
    body: string,
    messageId: string,
    deliveryCount: number,
    enqueued: Date,
  ): Promise<string> {
    const result = await this.runner.run(watched.fn, {
      inputData: [{ name: watched.triggerName, data: { string: body } }],
      triggerMetadata: {
        MessageId: { string: messageId },
        DeliveryCount: { int: deliveryCount },
        EnqueuedTimeUtc: { string: enqueued.toISOString() },
      },
    });
    return result.invocationId;
  }
}
