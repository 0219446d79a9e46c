import { AppError } from '../../core/errors.ts';
import type { Mailer } from '../../mail/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';

// Without SMTP_URL, mail lands in a local outbox; owners can read what would have gone out.
export function createOutboxService({ mailer }: { mailer: Mailer }) {
  return {
    async list(auth: Auth) {
      requireRole(auth, 'owner');
      return mailer.listOutbox(auth.workspaceId);
    },
    async get(auth: Auth, id: string): Promise<string> {
      requireRole(auth, 'owner');
      const message = await mailer.readOutbox(auth.workspaceId, id);
      if (message === null) throw new AppError('NOT_FOUND', 'No such message in the outbox.');
      return message;
    },
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
