// Preloaded into a process with NODE_OPTIONS="--import <this file>" and ONLAND_OUTBOUND_LOG=<file>:
// appends every outbound TCP/TLS connection, UDP datagram and name lookup the process starts, one
// JSON line each, before it happens. For the test that nothing leaves the machine.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

export type Outbound = { kind: 'tcp' | 'tls' | 'udp' | 'dns'; host?: string; port?: number; path?: string; pid: number };

const file = process.env.ONLAND_OUTBOUND_LOG;

function record(entry: Omit<Outbound, 'pid'>) {
  appendFileSync(file!, JSON.stringify({ ...entry, pid: process.pid }) + '\n');
}

// connect(options[, cb]), connect(port[, host][, cb]), connect(path[, cb]), or Node's own normalized [options, cb].
function target(args: unknown[]): { host?: string; port?: number; path?: string } {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') {
    const options = first as { host?: string; hostname?: string; port?: number | string; path?: string };
    if (options.path) return { path: options.path };
    return { host: options.host ?? options.hostname ?? 'localhost', port: Number(options.port) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
}

if (file) {
  const socketConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    record({ kind: 'tcp', ...target(args) });
    return (socketConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof socketConnect;

  const tlsConnect = tls.connect;
  tls.connect = function (...args: unknown[]) {
    record({ kind: 'tls', ...target(args) });
    return (tlsConnect as (...a: unknown[]) => tls.TLSSocket)(...args);
  } as typeof tlsConnect;

  // send(msg[, offset, length], port, address[, cb]); a connected socket's send names neither (its connect did).
  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const at = args.findIndex((a, i) => i > 0 && typeof a === 'number' && typeof args[i + 1] === 'string');
    if (at > 0) record({ kind: 'udp', port: args[at] as number, host: args[at + 1] as string });
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof send;
  const udpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function (this: dgram.Socket, ...args: unknown[]) {
    record({ kind: 'udp', port: args[0] as number, host: typeof args[1] === 'string' ? args[1] : 'localhost' });
    return (udpConnect as (...a: unknown[]) => void).apply(this, args);
  } as typeof udpConnect;

  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'] as const) {
    const original = dns[name] as (...a: unknown[]) => unknown;
    (dns as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      record({ kind: 'dns', host: String(args[0]) });
      return original(...args);
    };
    const promised = dns.promises[name] as (...a: unknown[]) => unknown;
    (dns.promises as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      record({ kind: 'dns', host: String(args[0]) });
      return promised(...args);
    };
  }
  // `import { connect } from 'node:net'` elsewhere sees the wrapped functions too.
  syncBuiltinESMExports();
}
