import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedTls } from './selfSignedTls';

/** DigestInfo prefix of SHA-256 (RFC 8017): RS256 over a digest is PKCS#1 v1.5 over prefix + digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface KeyVaultRequest {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

/**
 * Azure Key Vault's certificate and key REST API on 127.0.0.1, for one certificate whose private key
 * never leaves the "vault": bearer challenge (401 + WWW-Authenticate) first, GET certificate, GET key
 * refused (403, a sign-only role), POST sign with RS256. `throttleSign` answers every sign with 429.
 */
export async function startFakeKeyVault(options: {
  certificateName: string;
  certificateDer: Buffer;
  key: KeyObject | string;
  throttleSign?: boolean;
}) {
  const tls = selfSignedTls();
  const key = typeof options.key === 'string' ? createPrivateKey(options.key) : options.key;
  const requests: KeyVaultRequest[] = [];
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization !== 'Bearer vault-token') {
        return json(
          401,
          { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
          {
            'www-authenticate':
              'Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net"',
          },
        );
      }
      const vault = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const version = '0123456789abcdef0123456789abcdef';
      const name = options.certificateName;
      if (req.method === 'GET' && new RegExp(`^/certificates/${name}/?$`).test(url.pathname)) {
        return json(200, {
          id: `${vault}/certificates/${name}/${version}`,
          kid: `${vault}/keys/${name}/${version}`,
          sid: `${vault}/secrets/${name}/${version}`,
          cer: options.certificateDer.toString('base64'),
          attributes: {
            enabled: true,
            created: 1741900000,
            updated: 1741900000,
            recoveryLevel: 'Recoverable',
          },
        });
      }
      if (req.method === 'GET' && url.pathname.startsWith(`/keys/${name}`)) {
        return json(403, {
          error: { code: 'Forbidden', message: 'Caller is not authorized to perform action get' },
        });
      }
      if (req.method === 'POST' && url.pathname === `/keys/${name}/${version}/sign`) {
        if (options.throttleSign) {
          return json(
            429,
            { error: { code: 'Throttled', message: 'Too many requests' } },
            { 'retry-after': '0' },
          );
        }
        const { alg, value } = JSON.parse(text) as { alg: string; value: string };
        if (alg !== 'RS256') return json(400, { error: { code: 'BadParameter', message: `alg ${alg}` } });
        const digest = Buffer.from(value, 'base64url');
        const signature = privateEncrypt(
          { key, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, digest]),
        );
        return json(200, { kid: `${vault}/keys/${name}/${version}`, value: signature.toString('base64url') });
      }
      json(404, { error: { code: 'NotFound', message: `No ${req.method} ${url.pathname}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    vaultUri: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ca: tls.cert,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
