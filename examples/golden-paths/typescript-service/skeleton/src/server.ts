import { createServer, type Server, type ServerResponse } from 'node:http';

/** The service's name, as registered in the catalog. */
export const SERVICE_NAME = '${{ values.name }}';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Creates the HTTP server; the caller decides when and where it listens. */
export function createService(): Server {
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'Method not allowed' });
      return;
    }
    switch (pathname) {
      case '/healthz':
        sendJson(res, 200, { status: 'ok' });
        return;
      case '/':
        sendJson(res, 200, {
          service: SERVICE_NAME,
          message: `Hello from ${SERVICE_NAME}`,
        });
        return;
      default:
        sendJson(res, 404, { error: `No route for ${pathname}` });
    }
  });
}
