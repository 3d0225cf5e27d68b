import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { WebChatSettings } from './settings';

/**
 * The Content-Security-Policy for the chat page. Web Chat needs: its own bundle and ours
 * (script-src 'self', no inline script at all); the Direct Line service (connect-src: this
 * origin - including its WebSocket - or Azure's Direct Line over https and wss); images it
 * draws as data:/blob: URLs; and the <style> elements its CSS-in-JS (emotion) adds at run
 * time, which carry this response's nonce (the page hands it to Web Chat), so no
 * 'unsafe-inline' is needed. One <style> (react-scroll-to-bottom's, inside Web Chat 4.18's
 * transcript) is created without the nonce; it is always empty and filled through CSSOM
 * insertRule, which CSP does not govern, so the hash of the empty string admits it and
 * nothing else. Style changes made from script (element.style) are not affected by CSP.
 */
/** sha256 of the empty string: admits only <style> elements with no text in them. */
const EMPTY_STYLE_HASH = `sha256-${createHash('sha256').update('').digest('base64')}`;

export function contentSecurityPolicy(settings: WebChatSettings, styleNonce: string): string {
  const connect = ["'self'"];
  if (settings.mode === 'azure') {
    const endpoint = new URL(settings.directLineEndpoint);
    connect.push(endpoint.origin, `wss://${endpoint.host}`);
  }
  const ancestors = settings.frameAncestors.length > 0 ? settings.frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "media-src 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** Headers every channel response carries, page or API. */
export function applyCommonHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
}

/** Headers for the HTML page. */
export function applyPageHeaders(res: Response, settings: WebChatSettings, styleNonce: string): void {
  applyCommonHeaders(res);
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(settings, styleNonce));
  if (settings.frameAncestors.length === 0) res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // The page is the same for everyone, but a shared computer's cache should not keep it.
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * Cross-origin access for the embed snippet on a council's own site: only origins listed in
 * WEBCHAT_ALLOWED_ORIGINS get CORS headers; no credentials (cookies) are ever involved.
 */
export function applyCors(req: Request, res: Response, settings: WebChatSettings): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (typeof origin === 'string' && settings.allowedOrigins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
