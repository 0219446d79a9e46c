import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Invitation, InvitationInput, Member } from '../../../server/modules/auth/auth.contract.ts';
import { RelationshipSettingsPatch, RelationshipSettingsSchema } from '../../../server/modules/people/nudges.contract.ts';
import { Workspace, WorkspacePatch } from '../../../server/modules/workspaces/workspaces.contract.ts';
import { api } from '../../lib/api-client.ts';
import { sessionKey } from '../../lib/query-client.ts';
import type { Session } from '../auth/api.ts';
import { refreshToday } from '../today/keys.ts';

const MemberList = z.object({ items: z.array(Member) });
const membersKey = ['members'] as const;

export function useMembers() {
  return useQuery({ queryKey: membersKey, queryFn: ({ signal }) => api('/api/v1/members', { schema: MemberList, signal }) });
}

export function useCreateInvitation() {
  return useMutation({
    mutationFn: (input: z.input<typeof InvitationInput>) => api('/api/v1/invitations', { method: 'POST', body: input, schema: Invitation }),
    meta: { form: true },
  });
}

export function useUpdateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof WorkspacePatch>) => api('/api/v1/workspace', { method: 'PATCH', body: patch, schema: Workspace }),
    // The session carries the workspace (its name in the header, its locale for the language).
    onSuccess: (workspace) => client.setQueryData<Session | null>(sessionKey, (session) => session && { ...session, workspace }),
    meta: { form: true },
  });
}

export type RelationshipSettings = z.output<typeof RelationshipSettingsSchema>;
const relationshipsKey = ['settings', 'relationships'] as const;

export function useRelationshipSettings() {
  return useQuery({
    queryKey: relationshipsKey,
    queryFn: ({ signal }) => api('/api/v1/settings/relationships', { schema: RelationshipSettingsSchema, signal }),
  });
}

export function useUpdateRelationshipSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof RelationshipSettingsPatch>) =>
      api('/api/v1/settings/relationships', { method: 'PATCH', body: patch, schema: RelationshipSettingsSchema }),
    onSuccess: (settings) => {
      client.setQueryData(relationshipsKey, settings);
      // New thresholds, new nudges.
      refreshToday(client);
    },
    meta: { form: true },
  });
}
