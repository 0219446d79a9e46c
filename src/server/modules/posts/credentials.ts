import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Channel credentials at rest: AES-256-GCM under a key derived from the instance secret.
// Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url); the workspace and channel ids are bound in as
// associated data, so a ciphertext copied to another channel does not decrypt.
export type CredentialBox = {
  seal: (value: Record<string, string>, bindTo: string) => string;
  open: (sealed: string, bindTo: string) => Record<string, string>;
};

export function createCredentialBox(secret: string): CredentialBox {
  const key = Buffer.from(hkdfSync('sha256', secret, 'onland', 'channel-credentials v1', 32));
  return {
    seal(value, bindTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(bindTo));
      const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed, bindTo) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown credential format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(bindTo));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as Record<string, string>;
    },
  };
}
