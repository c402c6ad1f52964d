// An OAuth2 token endpoint on loopback HTTP, standing in for Microsoft's and Google's (which no
// test can reach): it records each form-encoded request, checks it as told, and issues tokens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenRequest {
  contentType: string | undefined;
  form: URLSearchParams;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

export interface TokenEndpoint {
  url: string;
  requests: TokenRequest[];
  /** Tokens handed out and not revoked: what the test's mail servers accept. */
  valid: Set<string>;
  /** Answers the nth request (1-based); replace it to refuse, delay or vary the lifetime. */
  respond: (request: TokenRequest, n: number) => Promise<TokenReply> | TokenReply;
  close(): Promise<void>;
}

export interface TokenEndpointOptions {
  /** The access token for the nth request (default `t<n>`). */
  issue?: (n: number) => string;
  expiresIn?: number;
  /** Checks a request as the real endpoint would: an RFC 6749 error code refuses it with HTTP 400. */
  check?: (request: TokenRequest) => Promise<string | null> | string | null;
  path?: string;
}

export async function startTokenEndpoint(options: TokenEndpointOptions = {}): Promise<TokenEndpoint> {
  const issue = options.issue ?? ((n: number) => `t${n}`);
  const endpoint: TokenEndpoint = {
    url: '', requests: [], valid: new Set(),
    async respond(request, n) {
      const refusal = options.check ? await options.check(request) : null;
      if (refusal) return { status: 400, body: { error: refusal } };
      return { status: 200, body: { token_type: 'Bearer', access_token: issue(n), expires_in: options.expiresIn ?? 3600 } };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { contentType: req.headers['content-type'], form: new URLSearchParams(raw) };
      endpoint.requests.push(request);
      Promise.resolve(endpoint.respond(request, endpoint.requests.length)).then(({ status, body }) => {
        if (status === 200 && typeof body.access_token === 'string') endpoint.valid.add(body.access_token);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }, (error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.path ?? '/token'}`;
  return endpoint;
}
