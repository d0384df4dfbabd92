/** Key-value names of revocations; one place so writers and the gateway agree. */
export const revocationKeys = {
  /** A session (refresh family) revoked by logout, reuse detection or password change. */
  session: (sessionId: string) => `revoked:session:${sessionId}`,
} as const;
