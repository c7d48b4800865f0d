import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { regulatorApiKey, SETTINGS, type SettingSpec } from '../../functions/core/config';

/**
 * The app settings have three homes that must agree: SETTINGS in functions/core/config.ts (what the
 * code reads), local.settings.sample.json (what `npm start` runs with) and the function app's
 * app settings in infra/modules/functionApp.bicep (what Azure runs with). There is no Bicep compiler
 * here, so the infrastructure is also checked as text for the mistakes a compiler or a review would catch.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const FUNCTION_APP_BICEP = 'infra/modules/functionApp.bicep';
const MAIN_BICEP = 'infra/main.bicep';

/** Settings Azure itself reads (the host, Application Insights, the Azure SDK's credential). */
const PLATFORM_SETTINGS = new Set([
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'AZURE_CLIENT_ID',
]);
/** `<connection>__<suffix>` settings of an identity-based connection, as the Functions host reads them. */
const IDENTITY_SUFFIXES = new Set([
  'accountName',
  'blobServiceUri',
  'clientId',
  'credential',
  'fullyQualifiedNamespace',
  'queueServiceUri',
  'serviceUri',
  'tableServiceUri',
  'tenantId',
]);
/** Flex Consumption refuses these (the runtime is in functionAppConfig) or they would carry a key. */
const FORBIDDEN_IN_AZURE = [
  'FUNCTIONS_WORKER_RUNTIME',
  'FUNCTIONS_EXTENSION_VERSION',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
  'WEBSITE_CONTENTSHARE',
  'APPINSIGHTS_INSTRUMENTATIONKEY',
  'AzureWebJobsStorage',
];
/** Binding options whose value may hold %SETTING% expressions. */
const EXPRESSION_OPTIONS = new Set(['path', 'schedule', 'queueName', 'topicName', 'subscriptionName']);

// ---------------------------------------------------------------------------------------------
// Reading the sources

function read(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

function listFiles(relativeDir: string, accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) visit(relative);
      else if (accept(relative)) found.push(relative);
    }
  };
  if (existsSync(path.join(ROOT, relativeDir))) visit(relativeDir);
  return found.sort();
}

function parseTs(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function where(source: ts.SourceFile, node: ts.Node): string {
  return `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
}

function stringValue(node: ts.Node | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node)) {
    return stringValue(node.expression, constants);
  }
  if (ts.isIdentifier(node)) return constants.get(node.text);
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** `const NAME = 'text'` declarations, so that `connection: SERVICE_BUS` can be followed to its value. */
function stringConstants(sources: readonly ts.SourceFile[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const source of sources) {
    walk(source, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const value = stringValue(node.initializer, new Map());
        if (value !== undefined) constants.set(node.name.text, value);
      }
    });
  }
  return constants;
}

/** `X = 'a'` gives [X, 'a']; `X = { b: 'c' } as const` gives [X.b, 'c']. */
function namedStrings(name: string, initializer: ts.Expression | undefined): [string, string][] {
  let node = initializer;
  while (
    node &&
    (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))
  ) {
    node = node.expression;
  }
  if (node && ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((property): [string, string][] => {
      if (!ts.isPropertyAssignment(property)) return [];
      const value = stringValue(property.initializer, new Map());
      return value === undefined ? [] : [[`${name}.${propertyName(property.name) ?? '?'}`, value]];
    });
  }
  const value = stringValue(node, new Map());
  return value === undefined ? [] : [[name, value]];
}

/** Every read of `process.env`, however spelled: `process.env.X`, `process['env']`, `{ env } = process`, `import { env }`. */
function processEnvReads(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const processAliases = new Set(['process']);
  walk(source, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!['process', 'node:process'].includes(node.moduleSpecifier.text)) return;
      const clause = node.importClause;
      if (clause?.name) processAliases.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) processAliases.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if ((element.propertyName ?? element.name).text === 'env')
            found.push(`${where(source, element)} imports env`);
        }
      }
    }
  });
  const isProcess = (node: ts.Expression): boolean =>
    (ts.isIdentifier(node) && processAliases.has(node.text)) ||
    (ts.isPropertyAccessExpression(node) &&
      node.name.text === 'process' &&
      node.expression.getText(source) === 'globalThis');
  walk(source, (node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'env' && isProcess(node.expression)) {
      found.push(`${where(source, node)} ${node.getText(source)}`);
    } else if (
      ts.isElementAccessExpression(node) &&
      isProcess(node.expression) &&
      stringValue(node.argumentExpression, new Map()) === 'env'
    ) {
      found.push(`${where(source, node)} ${node.getText(source)}`);
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      isProcess(node.initializer)
    ) {
      for (const element of node.name.elements) {
        const name = element.propertyName ?? element.name;
        if (ts.isIdentifier(name) && name.text === 'env')
          found.push(`${where(source, element)} destructures env`);
      }
    }
  });
  return found;
}

interface BindingSettings {
  /** `connection` option values: the name of an app setting (or an identity-based prefix). */
  connections: { name: string; at: string }[];
  /** `%NAME%` expressions in binding options. */
  expressions: { name: string; at: string }[];
  /** Options whose value is not a string the test can follow. */
  unresolved: string[];
}

function bindingSettings(source: ts.SourceFile, constants: ReadonlyMap<string, string>): BindingSettings {
  const found: BindingSettings = { connections: [], expressions: [], unresolved: [] };
  walk(source, (node) => {
    let name: string | undefined;
    let value: ts.Expression | undefined;
    if (ts.isPropertyAssignment(node)) {
      name = propertyName(node.name);
      value = node.initializer;
    } else if (ts.isShorthandPropertyAssignment(node)) {
      name = node.name.text;
      value = node.name;
    }
    if (name === undefined || value === undefined) return;
    if (name === 'connection') {
      const text = stringValue(value, constants);
      if (text === undefined)
        found.unresolved.push(`${where(source, node)} connection: ${value.getText(source)}`);
      else found.connections.push({ name: text, at: where(source, node) });
    } else if (EXPRESSION_OPTIONS.has(name)) {
      const text = stringValue(value, constants) ?? '';
      for (const match of text.matchAll(/%([A-Za-z_][A-Za-z0-9_]*)%/g)) {
        found.expressions.push({ name: match[1]!, at: where(source, node) });
      }
    }
  });
  return found;
}

/** Skips a Bicep string starting at `start` (a quote), interpolations and nested strings included. */
function skipBicepString(text: string, start: number): number {
  if (text.startsWith("'''", start)) {
    const end = text.indexOf("'''", start + 3);
    return end === -1 ? text.length : end + 3;
  }
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === "'") return i + 1;
    else if (c === '$' && text[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text[i] === "'") {
          i = skipBicepString(text, i);
          continue;
        }
        if (text[i] === '{') depth++;
        if (text[i] === '}') depth--;
        i++;
      }
    } else i++;
  }
  return i;
}

/** The top-level keys of the Bicep object that opens at `open` (the index of its `{`), one per line. */
function bicepKeysAt(text: string, open: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (c === "'") {
      i = skipBicepString(text, i);
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return keys;
    } else if (c === '\n' && depth === 1) {
      const key = /^[ \t]*(?:'([^'\\]+)'|([A-Za-z_][A-Za-z0-9_]*))[ \t]*:/.exec(text.slice(i + 1, i + 201));
      if (key) keys.push((key[1] ?? key[2])!);
    }
    i++;
  }
  throw new Error(`unterminated Bicep object at offset ${open}`);
}

/** The keys of `var <name> = { ... }`. */
function bicepVariableKeys(text: string, variable: string): string[] {
  const start = new RegExp(`^var\\s+${variable}\\s*=\\s*\\{`, 'm').exec(text);
  if (!start) throw new Error(`no "var ${variable} = {" block`);
  return bicepKeysAt(text, start.index + start[0].length - 1);
}

/** The string items of `param <name> string[] = [ ... ]`. */
function bicepArrayDefault(text: string, param: string): string[] {
  const match = new RegExp(`^param\\s+${param}\\s+\\S+\\s*=\\s*\\[([^\\]]*)\\]`, 'm').exec(text);
  if (!match) throw new Error(`no "param ${param} ... = [ ... ]"`);
  return [...match[1]!.matchAll(/'([^']*)'/g)].map((item) => item[1]!);
}

interface BicepParam {
  name: string;
  hasDefault: boolean;
  described: boolean;
}

/** `param` declarations with whether they have a default and a @description among their decorators. */
function bicepParams(text: string): BicepParam[] {
  const lines = text.split('\n');
  const params: BicepParam[] = [];
  lines.forEach((line, index) => {
    const match = /^param\s+(\w+)\s+[^=]+?(=.*)?$/.exec(line);
    if (!match) return;
    let first = index;
    while (
      first > 0 &&
      lines[first - 1]!.trim() !== '' &&
      !/^(param|var|resource|module|output)\s/.test(lines[first - 1]!)
    ) {
      first--;
    }
    const decorators = lines.slice(first, index).join('\n');
    params.push({
      name: match[1]!,
      hasDefault: match[2] !== undefined,
      described: decorators.includes('@description('),
    });
  });
  return params;
}

function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s/gm)].map((match) => match[1]!);
}

/** Bicep code without `//` comments (a URL's `//` follows a colon, never a space). */
function bicepCode(text: string): string {
  return text.replace(/(^|[ \t])\/\/.*$/gm, '$1');
}

// ---------------------------------------------------------------------------------------------
// The rules, as functions returning what breaks them (so the tests below can also feed them wrong input)

type Settings = Record<string, SettingSpec>;

function isKnownConnection(name: string, settings: Settings, extraConnections: readonly string[]): boolean {
  return (
    name in settings ||
    Object.keys(settings).some((setting) => setting.startsWith(`${name}__`)) ||
    extraConnections.includes(name)
  );
}

/** Non-local settings that Azure would not have: neither set, nor set as an identity-based connection. */
function missingInAzure(settings: Settings, azureKeys: readonly string[]): string[] {
  return Object.entries(settings)
    .filter(([, spec]) => !spec.localOnly)
    .map(([name]) => name)
    .filter((name) => !azureKeys.includes(name) && !azureKeys.some((key) => key.startsWith(`${name}__`)));
}

/** Azure settings the app and the platform do not know: typos and leftovers. */
function unknownInAzure(
  settings: Settings,
  azureKeys: readonly string[],
  connections: readonly string[],
): string[] {
  return azureKeys.filter((key) => {
    if (key in settings || PLATFORM_SETTINGS.has(key)) return false;
    const at = key.lastIndexOf('__');
    if (at > 0 && IDENTITY_SUFFIXES.has(key.slice(at + 2))) {
      return !isKnownConnection(key.slice(0, at), settings, connections);
    }
    return true;
  });
}

function localOnlyInAzure(settings: Settings, azureKeys: readonly string[]): string[] {
  return Object.entries(settings)
    .filter(([name, spec]) => spec.localOnly === true && azureKeys.includes(name))
    .map(([name]) => name);
}

// ---------------------------------------------------------------------------------------------

const settings: Settings = SETTINGS;
const functionAppBicep = read(FUNCTION_APP_BICEP);
const mainBicep = read(MAIN_BICEP);
const azureKeys = bicepVariableKeys(functionAppBicep, 'appSettings');
const localSample = JSON.parse(read('local.settings.sample.json')) as { Values?: Record<string, unknown> };
const localValues = localSample.Values ?? {};

const appSources = listFiles('functions', (file) => file.endsWith('.ts')).map((file) =>
  parseTs(file, read(file)),
);
const constants = stringConstants(appSources);
const triggerSources = appSources.filter((source) => source.fileName.endsWith('.function.ts'));
const bindings = triggerSources.map((source) => bindingSettings(source, constants));
const bindingConnections = bindings.flatMap((found) => found.connections);

describe('app settings: config.ts, local.settings.sample.json and the Bicep app settings agree', () => {
  it('finds the settings it checks', () => {
    expect(Object.keys(settings)).toContain('DURABLE_TASK_HUB');
    expect(azureKeys).toContain('DURABLE_TASK_HUB');
    expect(new Set(azureKeys).size, `duplicate keys in ${FUNCTION_APP_BICEP} appSettings`).toBe(
      azureKeys.length,
    );
  });

  it('the appSettings block is what the function app is configured with', () => {
    expect(functionAppBicep).toMatch(/name:\s*'appsettings'\s*\n\s*properties:\s*appSettings\s*\n/);
  });

  it('every setting the app reads has a local value in local.settings.sample.json', () => {
    const missing = Object.keys(settings).filter((name) => typeof localValues[name] !== 'string');
    expect(missing, 'add these to "Values" in local.settings.sample.json (as strings)').toEqual([]);
  });

  it('every setting that is not local-only is set in Azure', () => {
    expect(missingInAzure(settings, azureKeys), `add these to appSettings in ${FUNCTION_APP_BICEP}`).toEqual(
      [],
    );
  });

  it('no local-only setting is set in Azure', () => {
    expect(localOnlyInAzure(settings, azureKeys), `remove these from ${FUNCTION_APP_BICEP}`).toEqual([]);
  });

  it('Azure sets nothing the app or the platform does not read', () => {
    const connections = bindingConnections.map((connection) => connection.name);
    expect(
      unknownInAzure(settings, azureKeys, connections),
      `unknown settings in ${FUNCTION_APP_BICEP}: add them to SETTINGS in functions/core/config.ts or remove them`,
    ).toEqual([]);
  });

  it('the regulator key in Azure is a Key Vault reference, and an unresolved one is refused as a key', () => {
    const reference =
      /REGULATOR_API_KEY:\s*'(@Microsoft\.KeyVault\(VaultName=[^;]+;SecretName=[^)]+\))'/.exec(
        functionAppBicep,
      );
    expect(reference, `REGULATOR_API_KEY in ${FUNCTION_APP_BICEP}`).not.toBeNull();
    const before = process.env.REGULATOR_API_KEY;
    try {
      process.env.REGULATOR_API_KEY =
        '@Microsoft.KeyVault(VaultName=kv-etx-abc;SecretName=regulator-api-key)';
      expect(() => regulatorApiKey()).toThrow('unresolved Key Vault reference');
    } finally {
      if (before === undefined) delete process.env.REGULATOR_API_KEY;
      else process.env.REGULATOR_API_KEY = before;
    }
  });

  it('Azure sets none of the settings Flex Consumption refuses or that would carry a key', () => {
    expect(azureKeys.filter((key) => FORBIDDEN_IN_AZURE.includes(key))).toEqual([]);
  });

  it('local.settings.sample.json holds only settings the app or the Functions host reads', () => {
    const connections = bindingConnections.map((connection) => connection.name);
    const unknown = Object.keys(localValues).filter(
      (name) =>
        name !== 'FUNCTIONS_WORKER_RUNTIME' &&
        !(name in settings) &&
        !isKnownConnection(name.split('__')[0]!, settings, connections),
    );
    expect(unknown, 'add these to SETTINGS in functions/core/config.ts or remove them').toEqual([]);
  });
});

describe('settings are read in one place', () => {
  it('no file under functions/ but functions/core/config.ts reads process.env', () => {
    expect(appSources.length).toBeGreaterThan(3);
    const reads = appSources
      .filter((source) => source.fileName !== 'functions/core/config.ts')
      .flatMap((source) => processEnvReads(source));
    expect(
      reads,
      'read settings through functions/core/config.ts (a child process: childProcessEnv())',
    ).toEqual([]);
  });

  it('every %NAME% in host.json is a known setting', () => {
    const names = [...read('host.json').matchAll(/%([A-Za-z_][A-Za-z0-9_]*)%/g)].map((match) => match[1]!);
    expect(names).toContain('DURABLE_TASK_HUB');
    expect(names.filter((name) => !(name in settings))).toEqual([]);
  });

  it('every binding connection names a known setting or identity-based connection', () => {
    expect(
      bindings.flatMap((found) => found.unresolved),
      'use a string literal or a string const',
    ).toEqual([]);
    const unknown = bindingConnections
      .filter((connection) => !isKnownConnection(connection.name, settings, []))
      .filter((connection) => !azureKeys.some((key) => key.startsWith(`${connection.name}__`)))
      .map((connection) => `${connection.at} ${connection.name}`);
    expect(unknown, 'add the connection to SETTINGS or its <name>__* identity settings to the Bicep').toEqual(
      [],
    );
  });

  it('every %NAME% in a binding option is a known setting', () => {
    const unknown = bindings
      .flatMap((found) => found.expressions)
      .filter((expression) => !(expression.name in settings))
      .map((expression) => `${expression.at} %${expression.name}%`);
    expect(unknown, 'add these to SETTINGS in functions/core/config.ts').toEqual([]);
  });
});

describe('the storage account and Service Bus have what the app names', () => {
  const serviceBusEntities = [
    ...read('infra/modules/serviceBus.bicep').matchAll(/^param\s+\w+Name\s+string\s*=\s*'([^']+)'/gm),
  ].map((match) => match[1]!);
  const expected: Record<string, { list: string[]; where: string }> = {
    CONTAINER: { list: bicepArrayDefault(mainBicep, 'blobContainers'), where: 'param blobContainers' },
    TABLE: { list: bicepArrayDefault(mainBicep, 'tables'), where: 'param tables' },
    QUEUE: {
      list: [...bicepArrayDefault(mainBicep, 'storageQueues'), ...serviceBusEntities],
      where: 'param storageQueues (or a Service Bus queue)',
    },
    TOPIC: { list: serviceBusEntities, where: 'infra/modules/serviceBus.bicep' },
  };

  it('every *_CONTAINER, *_TABLE, *_QUEUE, *_TOPIC name (or *_TABLES etc. object of names) under functions/ is created by the Bicep', () => {
    expect(serviceBusEntities).toEqual(expect.arrayContaining(['activity-events', 'notifications']));
    const missing: string[] = [];
    for (const source of appSources) {
      walk(source, (node) => {
        if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name)) return;
        const kind = /_(CONTAINER|TABLE|QUEUE|TOPIC)S?$/.exec(node.name.text)?.[1];
        const target = kind === undefined ? undefined : expected[kind];
        if (!target) return;
        for (const [name, value] of namedStrings(node.name.text, node.initializer)) {
          if (!target.list.includes(value)) {
            missing.push(
              `${where(source, node)} ${name} = '${value}': add it to ${target.where} in ${MAIN_BICEP}`,
            );
          }
        }
      });
    }
    expect(missing).toEqual([]);
  });
});

describe('infra/ read as text (no Bicep compiler on this machine)', () => {
  const bicepFiles = listFiles('infra', (file) => file.endsWith('.bicep'));
  const modules = [...mainBicep.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)].map((match) => ({
    name: match[1]!,
    file: path.posix.join('infra', match[2]!),
    params: bicepKeysAt(mainBicep, mainBicep.indexOf('params: {', match.index) + 'params: '.length),
  }));

  it('every parameter is described', () => {
    const undescribed = bicepFiles.flatMap((file) =>
      bicepParams(read(file))
        .filter((param) => !param.described)
        .map((param) => `${file} ${param.name}`),
    );
    expect(undescribed, 'add @description(...)').toEqual([]);
  });

  it('every module exists and gets exactly the parameters it declares, the required ones included', () => {
    expect(modules.map((module) => module.name)).toEqual(
      expect.arrayContaining([
        'storage',
        'serviceBus',
        'keyVault',
        'documentIntelligence',
        'roles',
        'functionApp',
      ]),
    );
    const problems: string[] = [];
    for (const module of modules) {
      if (!existsSync(path.join(ROOT, module.file))) {
        problems.push(`${module.file} does not exist`);
        continue;
      }
      const declared = bicepParams(read(module.file));
      for (const passed of module.params) {
        if (!declared.some((param) => param.name === passed))
          problems.push(`${module.file} has no param ${passed}`);
      }
      for (const param of declared) {
        if (!param.hasDefault && !module.params.includes(param.name)) {
          problems.push(`${module.name} does not pass required param ${param.name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every module output main.bicep uses is declared by the module', () => {
    const problems = [...mainBicep.matchAll(/\b(\w+)\.outputs\.(\w+)/g)]
      .map((match) => ({
        module: modules.find((candidate) => candidate.name === match[1]),
        output: match[2]!,
      }))
      .filter(({ module, output }) => !module || !bicepOutputs(read(module.file)).includes(output))
      .map(({ module, output }) => `${module?.file ?? 'unknown module'} has no output ${output}`);
    expect(problems).toEqual([]);
  });

  it('main.parameters.json passes the azd values to declared parameters, and every required one', () => {
    const file = JSON.parse(read('infra/main.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const declared = bicepParams(mainBicep);
    const passed = Object.keys(file.parameters);
    expect(passed.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    expect(declared.filter((param) => !param.hasDefault && !passed.includes(param.name))).toEqual([]);
    expect(file.parameters.environmentName?.value).toBe('${AZURE_ENV_NAME}');
    expect(file.parameters.location?.value).toBe('${AZURE_LOCATION}');
    expect(file.parameters.principalId?.value).toBe('${AZURE_PRINCIPAL_ID}');
  });

  it('every role assignment is named with guid()', () => {
    const unnamed = bicepFiles.flatMap((file) => {
      const text = read(file);
      return [...text.matchAll(/^resource\s+(\w+)\s+'Microsoft\.Authorization\/roleAssignments@[^']+'/gm)]
        .filter(
          (match) =>
            !/^\s*name:\s*guid\(/.test(/^\s*name:.*$/m.exec(nextBlock(text, match.index))?.[0] ?? ''),
        )
        .map((match) => `${file} ${match[1]}`);
    });
    expect(unnamed).toEqual([]);
  });

  it('holds no keys, passwords or connection strings with secrets', () => {
    const secretish =
      /listKeys\(|listConnectionStrings|AccountKey=|SharedAccessKey|InstrumentationKey=|primaryKey|password|secretValue/i;
    const files = [...bicepFiles, 'infra/main.parameters.json'];
    expect(files.filter((file) => secretish.test(bicepCode(read(file))))).toEqual([]);
  });

  it('the resources are locked to identity-based access', () => {
    const code = (file: string): string => bicepCode(read(file));
    expect(code('infra/modules/storage.bicep')).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(code('infra/modules/storage.bicep')).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(code('infra/modules/storage.bicep')).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(code('infra/modules/serviceBus.bicep')).toMatch(/disableLocalAuth:\s*true/);
    expect(code('infra/modules/documentIntelligence.bicep')).toMatch(/disableLocalAuth:\s*true/);
    expect(code('infra/modules/monitoring.bicep')).toMatch(/DisableLocalAuth:\s*true/);
    expect(code('infra/modules/keyVault.bicep')).toMatch(/enableRbacAuthorization:\s*true/);
    expect(code('infra/modules/keyVault.bicep')).toMatch(/enablePurgeProtection:\s*true/);
  });

  it('the function app runs Node.js 22 on Flex Consumption with identity-based deployment storage', () => {
    const code = bicepCode(functionAppBicep);
    expect(code).toMatch(/name:\s*'FC1'/);
    expect(code).toMatch(/runtime:\s*\{\s*name:\s*'node'\s*version:\s*'22'\s*\}/);
    expect(code).toMatch(/authentication:\s*\{\s*type:\s*'UserAssignedIdentity'/);
  });

  it('azure.yaml deploys the project root as the function app service "api"', () => {
    const yaml = read('azure.yaml');
    expect(yaml).toMatch(/^name: etransactions$/m);
    expect(yaml).toMatch(/^ {2}api:\n {4}project: \.\n {4}language: ts\n {4}host: function$/m);
    expect(functionAppBicep).toMatch(/param serviceName string = 'api'/);
  });
});

/** The text from `start` up to the next top-level declaration (the body of one resource). */
function nextBlock(text: string, start: number): string {
  const body = text.indexOf('=', start) + 1;
  const next = text.slice(body).search(/^(resource|module|output|var|param)\s/m);
  return next === -1 ? text.slice(body) : text.slice(body, body + next);
}

describe('the checks above catch what they are meant to catch', () => {
  const source = (text: string): ts.SourceFile => parseTs('sample.function.ts', text);

  it('finds process.env however it is spelled, and not in comments or strings', () => {
    const reads = processEnvReads(
      source(`
        import { env as e } from 'node:process';
        import proc from 'process';
        const a = process.env.X;
        const b = process['env'];
        const { env } = process;
        const c = proc.env;
        const d = globalThis.process.env;
        // process.env in a comment
        const s = 'process.env in a string';
        const processEnv = 1;
      `),
    );
    expect(reads.map((read) => read.replace(/^sample\.function\.ts:\d+ /, ''))).toEqual([
      'imports env',
      'process.env',
      "process['env']",
      'destructures env',
      'proc.env',
      'globalThis.process.env',
    ]);
  });

  it('follows binding connections to string constants and reports what it cannot follow', () => {
    const found = bindingSettings(
      source(`
        const SB = 'ServiceBusConnection';
        app.serviceBusQueue('a', { connection: SB, queueName: '%QUEUE_NAME%' });
        app.storageBlob('b', { connection: 'AzureWebJobsStorage', path: 'scans/{name}', source: 'EventGrid' });
        app.timer('c', { schedule: '%PURGE_SCHEDULE%', handler });
        app.storageQueue('d', { connection: settings.queue, queueName: 'q' });
      `),
      new Map([['SB', 'ServiceBusConnection']]),
    );
    expect(found.connections.map((connection) => connection.name)).toEqual([
      'ServiceBusConnection',
      'AzureWebJobsStorage',
    ]);
    expect(found.expressions.map((expression) => expression.name)).toEqual(['QUEUE_NAME', 'PURGE_SCHEDULE']);
    expect(found.unresolved).toEqual(['sample.function.ts:6 connection: settings.queue']);
  });

  it('reads the keys of a Bicep object past strings, interpolations, comments and nested objects', () => {
    const bicep = [
      'var appSettings = {',
      "  // A: 'not a key'",
      "  FIRST: 'x}{'",
      "  SECOND: '${take('a}', 1)}:${other}'",
      "  'QUOTED__clientId': 'it\\'s'",
      '  NESTED: {',
      '    INNER: 1',
      '  }',
      '  /* HIDDEN: 2 */',
      '  LAST: string(3)',
      '}',
      'var other = { AFTER: 1 }',
    ].join('\n');
    expect(bicepVariableKeys(bicep, 'appSettings')).toEqual([
      'FIRST',
      'SECOND',
      'QUOTED__clientId',
      'NESTED',
      'LAST',
    ]);
    expect(() => bicepVariableKeys(bicep, 'missing')).toThrow('no "var missing = {" block');
  });

  it('reports settings missing from Azure, local-only ones set there, and unknown ones', () => {
    const sample: Settings = {
      AzureWebJobsStorage: { description: 'connection' },
      ServiceBusConnection__fullyQualifiedNamespace: { description: 'namespace' },
      DURABLE_TASK_HUB: { description: 'hub' },
      LOCAL_CLOCK_START: { localOnly: true, description: 'clock' },
    };
    const azure = [
      'AzureWebJobsStorage__accountName',
      'ServiceBusConnection__credential',
      'LOCAL_CLOCK_START',
      'TYPO_HUB',
    ];
    expect(missingInAzure(sample, azure)).toEqual([
      'ServiceBusConnection__fullyQualifiedNamespace',
      'DURABLE_TASK_HUB',
    ]);
    expect(localOnlyInAzure(sample, azure)).toEqual(['LOCAL_CLOCK_START']);
    expect(unknownInAzure(sample, [...azure, 'Other__clientId', 'AZURE_CLIENT_ID'], [])).toEqual([
      'TYPO_HUB',
      'Other__clientId',
    ]);
    expect(unknownInAzure(sample, ['Other__clientId'], ['Other'])).toEqual([]);
  });

  it('reads Bicep parameters with their defaults and descriptions', () => {
    const params = bicepParams(
      [
        "@description('Described.')",
        '@minValue(1)',
        'param described int = 1',
        '',
        'param bare string',
        "@allowed(['a'])",
        'param list string[]',
      ].join('\n'),
    );
    expect(params).toEqual([
      { name: 'described', hasDefault: true, described: true },
      { name: 'bare', hasDefault: false, described: false },
      { name: 'list', hasDefault: false, described: false },
    ]);
  });
});
