/**
 * Which Host names this server answers to. A server bound to loopback answers only to loopback
 * names: a web page the user visits can point its own host name at 127.0.0.1 (DNS rebinding)
 * and then read the API as same-origin; its requests still carry its own name in Host, and that
 * is refused here (421). ALLOWED_HOSTS names the others to answer to (a LAN name, a proxy's).
 */
import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './errors.js';

/** A host name as it appears in a Host header, without the port and IPv6 brackets, lower case. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  // One colon is a port; more (a bare IPv6 address, which a Host header should bracket) is an address.
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** localhost, *.localhost (RFC 6761 keeps them on this machine), 127.0.0.0/8 and ::1. */
export function isLoopbackName(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (n === 'localhost' || n.endsWith('.localhost')) return true;
  if (isIP(n) === 4) return n.startsWith('127.');
  if (isIP(n) === 6) return n === '::1' || n === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(n);
  return false;
}

export interface HostPolicy {
  /** null: any Host is answered. Otherwise loopback names plus these. */
  allowed: ReadonlySet<string> | null;
}

/**
 * Bound to loopback: loopback names, plus ALLOWED_HOSTS. Bound elsewhere (0.0.0.0, a LAN
 * address): ALLOWED_HOSTS when set, else any name (the server is reachable by address anyway).
 * ALLOWED_HOSTS="*" answers any name.
 */
export function hostPolicy(bindHost: string, allowedHosts: readonly string[]): HostPolicy {
  if (allowedHosts.includes('*')) return { allowed: null };
  if (allowedHosts.length === 0 && !isLoopbackName(hostName(bindHost))) return { allowed: null };
  return { allowed: new Set(allowedHosts.map((h) => hostName(h))) };
}

export function hostAllowed(policy: HostPolicy, header: string): boolean {
  if (!policy.allowed) return true;
  const name = hostName(header);
  return isLoopbackName(name) || policy.allowed.has(name.replace(/\.$/, ''));
}

/**
 * HTTP/1.1 requires a Host header (RFC 9112 §3.2): without one, a JSON 400. (Node's own check is
 * turned off in http-server.ts because it answers with an empty body.) HTTP/1.0 may omit it.
 */
export function hostCheck(policy: HostPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    if (host === undefined || host === '') {
      if (req.httpVersionMajor === 1 && req.httpVersionMinor === 0) return next();
      return sendError(res, 400, 'bad_request', 'an HTTP/1.1 request needs a Host header');
    }
    if (hostAllowed(policy, host)) return next();
    sendError(
      res,
      421,
      'misdirected_request',
      `this server does not answer to the host name "${hostName(host).slice(0, 100)}"; its operator can add it to ALLOWED_HOSTS`,
    );
  };
}
