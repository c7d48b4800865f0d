/**
 * Stands in for `@azure/functions-core`, the module only the real Functions worker provides.
 * `@azure/functions` loads it lazily with a plain `require`; answering that require with this object
 * captures every registration (`df.app.*` too, which go through `app.generic`) together with the
 * programming model that the worker would use to invoke them.
 */
import Module from 'node:module';

export interface BindingMetadata {
  type: string;
  direction: 'in' | 'out';
  name?: string;
  [option: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, BindingMetadata>;
  retryOptions?: unknown;
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export interface RegisteredFunction {
  name: string;
  metadata: FunctionMetadata;
  callback: FunctionCallback;
}

/** The parts of the worker's programming model the local host uses (see @azure/functions' InvocationModel). */
export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<InvocationResponse>;
}
export interface ProgrammingModel {
  getInvocationModel(coreContext: unknown): InvocationModel;
}
export interface TypedData {
  string?: string;
  json?: string;
  bytes?: Uint8Array;
  int?: number;
  double?: number;
  http?: unknown;
}
export interface InvocationResponse {
  invocationId: string;
  outputData?: { name: string; data: TypedData }[];
  returnValue?: TypedData | null;
}

interface CaptureState {
  model?: ProgrammingModel;
  sink?: Map<string, RegisteredFunction>;
  installed: boolean;
}

const STATE_KEY = Symbol.for('etransactions.functionsCore');
function state(): CaptureState {
  const holder = globalThis as unknown as Record<symbol, CaptureState | undefined>;
  holder[STATE_KEY] ??= { installed: false };
  return holder[STATE_KEY];
}

const functionsCore = {
  version: '3.10.1',
  hostVersion: '4.1000.0',
  setProgrammingModel(model: ProgrammingModel): void {
    state().model = model;
  },
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): { dispose(): void } {
    const sink = state().sink;
    if (!sink) throw new Error(`Function "${metadata.name}" was registered outside captureRegistrations()`);
    if (sink.has(metadata.name)) throw new Error(`Function "${metadata.name}" is registered twice`);
    sink.set(metadata.name, { name: metadata.name, metadata, callback });
    return { dispose: () => sink.delete(metadata.name) };
  },
  registerHook(): { dispose(): void } {
    return { dispose: () => undefined };
  },
  log(): void {},
  getProgrammingModel(): ProgrammingModel | undefined {
    return state().model;
  },
};

/** Hooks `require('@azure/functions-core')`. Must run before the first `app.*` call of the process. */
export function installFunctionsCore(): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = function load(request: string, ...rest: unknown[]): unknown {
    if (request === '@azure/functions-core') return functionsCore;
    return originalLoad.call(this, request, ...rest);
  };
}

export interface CapturedApp {
  functions: Map<string, RegisteredFunction>;
  model: ProgrammingModel;
}

/**
 * Runs `load` (which imports the app's registration files) and returns every function it registered.
 * Each call gets its own set, so a test can load an app of its own beside the real one.
 */
export async function captureRegistrations(load: () => unknown): Promise<CapturedApp> {
  installFunctionsCore();
  const current = state();
  if (current.sink) throw new Error('captureRegistrations() is already running');
  const functions = new Map<string, RegisteredFunction>();
  current.sink = functions;
  try {
    await load();
  } finally {
    current.sink = undefined;
  }
  if (!current.model) {
    if (functions.size === 0) return { functions, model: nullModel() };
    throw new Error('@azure/functions registered functions without setting a programming model');
  }
  return { functions, model: current.model };
}

function nullModel(): ProgrammingModel {
  return {
    getInvocationModel() {
      throw new Error('No function is registered');
    },
  };
}
