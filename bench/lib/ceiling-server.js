'use strict';

/**
 * C0, the ceiling: a plain Node `http` server answering every request with the
 * exact bytes S1 returned (precomputed once), same Content-Type. Nothing this
 * machine serves over HTTP from Node can be faster than this.
 *
 *   node bench/lib/ceiling-server.js <body file> <content-type>   (PORT in env)
 */
const fs = require('fs');
const http = require('http');

const [bodyFile, contentType = 'application/json; charset=utf-8'] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const headers = { 'Content-Type': contentType, 'Content-Length': String(body.length) };

const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, port: Number(process.env.PORT) })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
