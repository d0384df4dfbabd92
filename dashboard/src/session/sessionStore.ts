import type { SessionFragment } from '@perfanalysis/sdk';

export type Session = SessionFragment;

const STORAGE_KEY = 'perfanalysis.session';

function isSession(value: unknown): value is Session {
  const s = value as Partial<Session> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.accessTokenExpiresAt === 'string' &&
    typeof s.user?.email === 'string'
  );
}

/**
 * The current session, in memory and in sessionStorage (so a reload keeps it, and closing
 * the tab forgets it). Listeners hear every change, including the end of the session.
 */
export class SessionStore {
  private session: Session | undefined;
  private readonly listeners = new Set<(session: Session | undefined) => void>();

  constructor(private readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
      if (isSession(saved)) this.session = saved;
    } catch {
      // a corrupt entry is as good as none
    }
  }

  get(): Session | undefined {
    return this.session;
  }

  set(session: Session | undefined): void {
    this.session = session;
    try {
      if (session) this.storage?.setItem(STORAGE_KEY, JSON.stringify(session));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // storage full or disabled: the in-memory session still works for this page
    }
    for (const listener of [...this.listeners]) listener(session);
  }

  subscribe(listener: (session: Session | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
