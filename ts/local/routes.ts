/**
 * HTTP route templates as the Functions host reads them (ASP.NET style): literal segments,
 * `{name}`, `{name?}` (optional, last), `{name:int}` / `{name:alpha}` / `{name:guid}` constraints and
 * `{*rest}` catch-all. Matching is case-insensitive on literals, like the host.
 */
export interface CompiledRoute {
  template: string;
  match(path: string): Record<string, string> | undefined;
  /** Literal segments count first when two routes match the same path. */
  specificity: number;
}

const CONSTRAINTS: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  alpha: /^[A-Za-z]+$/,
  guid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  bool: /^(true|false)$/i,
};

interface Segment {
  literal?: string;
  name?: string;
  optional?: boolean;
  catchAll?: boolean;
  constraint?: RegExp;
}

function parseSegment(raw: string): Segment {
  const parameter = /^\{(\*)?([A-Za-z_][\w]*)(?::([a-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(raw);
  if (!parameter) {
    if (raw.includes('{')) throw new Error(`Unsupported route segment "${raw}"`);
    return { literal: raw.toLowerCase() };
  }
  const [, star, name, constraintName, optional] = parameter;
  const constraint = constraintName ? CONSTRAINTS[constraintName] : undefined;
  if (constraintName && !constraint) throw new Error(`Unsupported route constraint "${constraintName}"`);
  return { name, optional: Boolean(optional), catchAll: Boolean(star), constraint };
}

export function compileRoute(template: string): CompiledRoute {
  const segments = template.split('/').filter(Boolean).map(parseSegment);
  return {
    template,
    specificity: segments.filter((segment) => segment.literal !== undefined).length * 10 + segments.length,
    match(path) {
      const parts = path.split('/').filter(Boolean);
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as Segment;
        const part = parts[i];
        if (segment.catchAll) {
          params[segment.name as string] = parts.slice(i).map(decodeURIComponent).join('/');
          return params;
        }
        if (part === undefined) {
          if (segment.optional) continue;
          return undefined;
        }
        if (segment.literal !== undefined) {
          if (decodeURIComponent(part).toLowerCase() !== segment.literal) return undefined;
          continue;
        }
        let value: string;
        try {
          value = decodeURIComponent(part);
        } catch {
          return undefined;
        }
        if (segment.constraint && !segment.constraint.test(value)) return undefined;
        params[segment.name as string] = value;
      }
      return parts.length > segments.length ? undefined : params;
    },
  };
}
