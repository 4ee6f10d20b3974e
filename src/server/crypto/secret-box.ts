import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Encrypts small secrets kept in the database (TOTP seeds) with a key that is not in the database:
 * RAPPORT_SECRET_KEY (64 hex characters) when set, otherwise `<DATA_DIR>/secret-key`, created once
 * with mode 0600. A copy of the database alone does not reveal the seeds.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static load(dataDir: string, fromEnvironment = process.env.RAPPORT_SECRET_KEY): SecretBox {
    if (fromEnvironment) {
      if (!/^[0-9a-f]{64}$/i.test(fromEnvironment)) {
        throw new Error('RAPPORT_SECRET_KEY must be 64 hexadecimal characters (32 bytes)');
      }
      return new SecretBox(Buffer.from(fromEnvironment, 'hex'));
    }
    const file = path.join(dataDir, 'secret-key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      try {
        writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw error;
        }
      }
    }
    return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
  }

  static forTests(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
      '.',
    );
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) {
      throw new Error('Unrecognised sealed value');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
