// Real signature checks: the SDK fetches its signing keys from a key server on loopback (the same
// OpenID metadata and JWKS shapes the Bot Framework publishes), so a well-formed RS256 token signed
// by the wrong key, for another bot, or from another issuer can be sent through the real server.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { message, startTestServer, type TestServer } from '../helpers/botServer';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
}

describe('RS256 tokens whose signature or claims are wrong get 401 JSON', () => {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keyServer: Server;
  let s: TestServer;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now() - 60,
    exp: now() + 3600,
    ...extra,
  });
  const activity = () =>
    message('hello', { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: `sig-${Math.random()}` }, deliveryMode: 'expectReplies' });

  beforeAll(async () => {
    keyServer = createServer((req, res) => {
      const base = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid') {
        res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys') {
        const jwk = published.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'published', kty: 'RSA', use: 'sig', endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
    s = await startTestServer({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-by-these-tests' },
      authSettings: { ToBotFromChannelOpenIdMetadataUrl: `${base}/openid`, ToBotFromChannelTokenIssuer: ISSUER },
    });
  });

  afterAll(async () => {
    await s.close();
    await new Promise((resolve) => keyServer.close(resolve));
  });

  const post = (bearer: string) => s.post(activity(), { headers: { authorization: `Bearer ${bearer}` } });

  test('control: a token signed with the published key for this bot is accepted', async () => {
    const res = await post(token(published.privateKey, 'published', claims()));
    expect(res.status).toBe(200);
  });

  test.each([
    ['signed by another key under the published kid', () => token(attacker.privateKey, 'published', claims())],
    ['signed by a key nobody published', () => token(attacker.privateKey, 'unknown-kid', claims())],
    ['a changed payload under a genuine signature', () => {
      const genuine = token(published.privateKey, 'published', claims()).split('.');
      return [genuine[0], b64(claims({ aud: 'another-bot' })), genuine[2]].join('.');
    }],
    ['for another bot', () => token(published.privateKey, 'published', claims({ aud: 'another-bot' }))],
    ['from another issuer', () => token(published.privateKey, 'published', claims({ iss: 'https://evil.example' }))],
  ])('%s', async (_name, make) => {
    const before = s.logs.length;
    const res = await post(make());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Unauthorized.' });
    const lines = s.logs.slice(before);
    expect(lines.filter((l) => l.event === 'auth.refused')).toHaveLength(1);
    expect(lines.some((l) => l.event === 'http.error')).toBe(false);
  });
});
