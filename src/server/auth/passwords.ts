import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../http/errors.js';

// argon2id with OWASP's second recommended setting (19 MiB, t=2, p=1): ~8 ms a hash here.
const options = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Passwords are compared as typed after Unicode NFC, so the same passphrase typed on another device still matches. */
function normalise(password: string): string {
  return password.normalize('NFC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * Verifies against a throwaway hash, so that a sign-in for an unknown address takes as long as one
 * for a known address with the wrong password (SECURITY.md check 1).
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password-for-timing', options);
  await verifyPassword(await dummyHash, password);
}

// The 18k most common passwords of 8+ characters from zxcvbn-ts's list, lower-cased.
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    dictionary['passwords-common'].filter((word) => word.length >= 8).map((word) => word.toLowerCase()),
  );
  return common;
}

/** Refuses passwords that are too short or on the common/breached list (SECURITY.md check 2). */
export function checkPasswordPolicy(password: string, field: string, context: { email?: string } = {}): void {
  const normalised = normalise(password);
  if ([...normalised].length < 8) {
    throw invalid(field, 'Use at least 8 characters');
  }
  const lower = normalised.toLowerCase();
  if (commonPasswords().has(lower)) {
    throw invalid(field, 'This password is too common: it is on lists that attackers try first. Choose another.');
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (lower === context.email?.toLowerCase() || (localPart && localPart.length >= 4 && lower === localPart)) {
    throw invalid(field, 'Do not use your email address as your password');
  }
}
