import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { rawRunner, type Statement } from './rawStatements';

// The yardstick of the overview's throughput: a bare node:http server that runs the statements
// one request of the app ran, raw with the database's own driver (rawStatements.ts), then sends
// the JSON the app sent. Usage: bareServer.ts <database file or postgres:// address> <spec.json>
// <port>, where spec.json is { statements: [{ sql, parameters }], body }.

const [location, specFile, port] = process.argv.slice(2);
if (!location || !specFile || !port) {
  throw new Error('Usage: bareServer.ts <database> <spec.json> <port>');
}
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as {
  statements: Statement[];
  body: unknown;
};
const runner = rawRunner(location, spec.statements);

createServer((_req, res) => {
  void runner.run().then(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(spec.body));
  });
}).listen(Number(port), '127.0.0.1', () => console.log('listening'));
