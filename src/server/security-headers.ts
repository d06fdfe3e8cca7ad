/**
 * Security headers (helmet), chosen per request by how the page was reached. Over plain HTTP
 * (a teammate opening http://<machine>:3000/) neither `upgrade-insecure-requests` nor HSTS may be
 * sent: the browser would then fetch https://<machine>:3000/styles.css, which nothing serves,
 * and the page would load unstyled and never run. Over HTTPS (a TLS-terminating proxy that says
 * so in X-Forwarded-Proto, trusted through TRUST_PROXY) both are kept.
 */
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

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
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...DIRECTIVES, upgradeInsecureRequests: null } },
    strictTransportSecurity: false,
  });
  // req.secure follows express's 'trust proxy' setting: X-Forwarded-Proto counts only from a trusted proxy.
  return (req: Request, res: Response, next: NextFunction): void => (req.secure ? overHttps : overHttp)(req, res, next);
}
