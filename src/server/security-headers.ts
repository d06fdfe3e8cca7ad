/**
 * Security headers (helmet), chosen per request by how the page was reached. Over plain HTTP
 * (a teammate opening http://<machine>:3000/) neither `upgrade-insecure-requests` nor HSTS may be
 * sent: the browser would then fetch https://<machine>:3000/styles.css, which nothing serves,
 * and the page would load unstyled and never run. Over HTTPS (a TLS-terminating proxy that says
 * so in X-Forwarded-Proto, trusted through TRUST_PROXY) both are kept.
 * (Absent Host, e.g. HTTP/1.0: treated as loopback, the header set of a localhost page.)
 */
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { hostName, isLoopbackName } from './host-check.js';

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders() {
  const overHttps = helmet({ contentSecurityPolicy: { directives: { ...DIRECTIVES, upgradeInsecureRequests: [] } } });
  const plain = { contentSecurityPolicy: { directives: { ...DIRECTIVES, upgradeInsecureRequests: null } }, strictTransportSecurity: false } as const;
  const overHttpLoopback = helmet(plain);
  // A browser ignores Cross-Origin-Opener-Policy from an untrustworthy origin (plain HTTP, not
  // localhost) and reports it as a console error on every page load: do not send it there.
  const overHttpLan = helmet({ ...plain, crossOriginOpenerPolicy: false });
  return (req: Request, res: Response, next: NextFunction): void => {
    // req.secure follows express's 'trust proxy' setting: X-Forwarded-Proto counts only from a trusted proxy.
    if (req.secure) return overHttps(req, res, next);
    const host = req.headers.host;
    (host === undefined || isLoopbackName(hostName(host)) ? overHttpLoopback : overHttpLan)(req, res, next);
  };
}
