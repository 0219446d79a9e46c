import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import { audienceSettings } from './broadcasts.table.ts';

export type AudienceSettings = { recordIpAndUserAgent: boolean; sendRatePerMinute: number | null };

// About what a small business's mail server accepts without complaint (10 a second).
export const defaultAudienceSettings: AudienceSettings = { recordIpAndUserAgent: true, sendRatePerMinute: 600 };

export function createAudienceSettings(db: Db) {
  async function read(workspaceId: string, tx: Db | Tx = db): Promise<AudienceSettings> {
    const [row] = await tx.select().from(audienceSettings).where(eq(audienceSettings.workspaceId, workspaceId));
    return row ? { recordIpAndUserAgent: row.recordIpAndUserAgent, sendRatePerMinute: row.sendRatePerMinute } : { ...defaultAudienceSettings };
  }
  return {
    read,
    async get(auth: Auth): Promise<AudienceSettings> {
      requireRole(auth, 'viewer');
      return read(auth.workspaceId);
    },
    async update(auth: Auth, patch: Partial<AudienceSettings>): Promise<AudienceSettings> {
      requireRole(auth, 'owner');
      const next = { ...(await read(auth.workspaceId)), ...patch };
      await db.insert(audienceSettings).values({ workspaceId: auth.workspaceId, ...next }).onConflictDoUpdate({ target: audienceSettings.workspaceId, set: next });
      return next;
    },
    // The IP and user agent go into the ledger only where the workspace keeps them.
    async evidence(workspaceId: string, meta: { ip?: string | null; userAgent?: string | null }, tx: Db | Tx = db): Promise<{ ip: string | null; userAgent: string | null }> {
      if (!meta.ip && !meta.userAgent) return { ip: null, userAgent: null };
      return (await read(workspaceId, tx)).recordIpAndUserAgent ? { ip: meta.ip ?? null, userAgent: meta.userAgent ?? null } : { ip: null, userAgent: null };
    },
  };
}

export type AudienceSettingsService = ReturnType<typeof createAudienceSettings>;
