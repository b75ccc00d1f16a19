import { vi } from "vitest";

/** Answers one request; may inspect it (headers, body). */
export type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Stubs the global fetch with a table of routes, `"METHOD /path"` → handler, or a list of
 * handlers used one after another (the last one repeats). An unexpected request fails the test.
 * Returns the mock, whose calls hold the Request objects.
 */
export function stubFetch(routes: Record<string, Handler | Handler[]>) {
  const used = new Map<string, number>();
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    const route = routes[key];
    if (!route) throw new Error(`unexpected request in test: ${key}`);
    const handlers = Array.isArray(route) ? route : [route];
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    const handler = handlers[Math.min(index, handlers.length - 1)];
    if (!handler) throw new Error(`no handler for ${key}`);
    return handler(request);
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** The requests the mock received for `"METHOD /path"`. */
export function requestsTo(mock: ReturnType<typeof stubFetch>, key: string): Request[] {
  return mock.mock.calls
    .map(([input]) => input)
    .filter((input): input is Request => input instanceof Request)
    .filter((request) => `${request.method} ${new URL(request.url).pathname}` === key);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** An RFC 9457 problem+json answer. */
export function problem(
  status: number,
  fields: { title?: string; detail?: string; errors?: Record<string, string[]> } = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", title: fields.title ?? `HTTP ${status}`, status, ...fields }),
    { status, headers: { "Content-Type": "application/problem+json", ...headers } },
  );
}
