import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import type { PeopleExport } from '../people/index.ts';
import { BackupFile } from './backup.contract.ts';
import type { BackupService } from './backup.service.ts';

export function backupRoutes(app: App, { backup, peopleExport }: { backup: BackupService; peopleExport: PeopleExport }) {
  app.get('/api/v1/export/backup', { schema: { tags: ['export'], summary: 'The whole workspace as one JSON file (owner); restore with `onland import backup FILE`', response: { 200: BackupFile } } },
    async (request, reply) => {
      const file = await backup.export(authOf(request));
      // Sent as text: the file can be large, and it is already what the schema says.
      return reply.header('content-disposition', `attachment; filename="onland-backup-${file.workspace.slug}-${file.exportedAt.slice(0, 10)}.json"`)
        .type('application/json; charset=utf-8').send(JSON.stringify(file) as never);
    });

  const download = (name: string, type: string, summary: string, produce: (auth: ReturnType<typeof authOf>) => Promise<string>) =>
    app.get(`/api/v1/export/${name}`, { schema: { tags: ['export'], summary, response: { 200: z.string() } } },
      async (request, reply) => reply.header('content-disposition', `attachment; filename="${name}"`).type(type).send(await produce(authOf(request))));
  download('people.csv', 'text/csv; charset=utf-8', 'Everyone as CSV', (auth) => peopleExport.peopleCsv(auth));
  download('interactions.csv', 'text/csv; charset=utf-8', 'Every interaction as CSV', (auth) => peopleExport.interactionsCsv(auth));
  download('people.vcf', 'text/vcard; charset=utf-8', 'Everyone as vCard 4, for an address book', (auth) => peopleExport.vcards(auth));
}
