// When the user last did something (pointer, key, or an API call), shared between this app's open
// tabs so that working in one tab does not sign the user out of another. Only timestamps and a
// "signed out" signal cross tabs: never personal data.

type TabMessage = { kind: 'activity'; at: number } | { kind: 'signed-out' };

let lastActivityAt = Date.now();
let lastBroadcastAt = 0;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('rapport-tabs');
const signedOutListeners = new Set<() => void>();

channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
  if (event.data.kind === 'activity') {
    lastActivityAt = Math.max(lastActivityAt, event.data.at);
  } else {
    signedOutListeners.forEach((listener) => listener());
  }
});

export function noteActivity(): void {
  const now = Date.now();
  lastActivityAt = now;
  if (now - lastBroadcastAt > 5_000) {
    lastBroadcastAt = now;
    channel?.postMessage({ kind: 'activity', at: now } satisfies TabMessage);
  }
}

export function millisecondsSinceActivity(): number {
  return Date.now() - lastActivityAt;
}

/** Tells the other tabs to take personal data off their screens too. */
export function announceSignOut(): void {
  channel?.postMessage({ kind: 'signed-out' } satisfies TabMessage);
}

export function onSignOutElsewhere(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}
