import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';

// The yardstick of the overview's throughput: a bare node:http server that runs the statements
// one request of the app ran, prepared once and raw with better-sqlite3, then sends the JSON the
// app sent. Usage: bareServer.ts <database file> <spec.json> <port>, where spec.json is
// { statements: [{ sql, parameters }], body }.

const [file, specFile, port] = process.argv.slice(2);
if (!file || !specFile || !port) throw new Error('Usage: bareServer.ts <db> <spec.json> <port>');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as {
  statements: { sql: string; parameters: unknown[] }[];
  body: unknown;
};
const sqlite = new SQLite(file, { readonly: true });
const prepared = spec.statements.map((s) => ({
  stmt: sqlite.prepare(s.sql),
  parameters: s.parameters,
}));

createServer((_req, res) => {
  for (const { stmt, parameters } of prepared) stmt.all(...parameters);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(spec.body));
}).listen(Number(port), '127.0.0.1', () => console.log('listening'));
