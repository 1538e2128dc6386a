import { createService, SERVICE_NAME } from './server.js';

const port = Number(process.env.PORT ?? 8080);
const server = createService();

server.listen(port, () => {
  console.log(`${SERVICE_NAME} listening on http://localhost:${port}`);
});

// Finish the requests in flight before exiting, so deployments drain cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${SERVICE_NAME} received ${signal}, shutting down`);
    server.close(error => process.exit(error ? 1 : 0));
  });
}
