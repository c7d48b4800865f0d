/**
 * The absolute API root (`https://host/api`) of a request, for links in responses: the request URL
 * without its query and its last `routeSegments` path segments. Works whatever the route prefix is.
 */
export function apiBase(requestUrl: string, routeSegments: number): string {
  const url = new URL(requestUrl);
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  return `${url.origin}${segments.slice(0, Math.max(1, segments.length - routeSegments)).join('/')}`;
}
