import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../server/config.ts';
import { AppError } from '../server/core/errors.ts';
import { SetupInput } from '../server/modules/auth/auth.contract.ts';

// The server, database and job queue load only when a command needs them, so --help answers at once.
const formats = ['linkedin', 'linkedin-messages', 'google', 'vcard', 'x', 'facebook', 'instagram', 'mastodon', 'bluesky', 'csv'] as const;
type ProcessRole = { web: boolean; worker: boolean };
const withServices: typeof import('./context.ts').withServices = async (run) => (await import('./context.ts')).withServices(run);

const program = new Command('onland')
  .description('Onland: people, posts, meetups and a consented mailing list, on your own machine.\nConfiguration comes from the environment: DATABASE_URL, ONLAND_DATA_DIR, PORT, PUBLIC_URL, SMTP_URL, ONLAND_SECRET, ONLAND_SNAPSHOT_MINUTES, ONLAND_SNAPSHOTS_KEEP.')
  .showHelpAfterError('(run with --help to see what to type)')
  .configureOutput({ outputError: (text, write) => write(text) });

function serverCommand(name: string, description: string, role: ProcessRole) {
  program.command(name).description(description).action(async () => {
    const { runProcess } = await import('../server/main.ts');
    const running = await runProcess(role);
    const shutdown = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}

serverCommand('start', 'Run the web server and the job worker in one process (the usual way)', { web: true, worker: true });
serverCommand('serve', 'Run only the web server (PostgreSQL: run as many as you like)', { web: true, worker: false });
serverCommand('worker', 'Run only the job worker (PostgreSQL: run as many as you like)', { web: false, worker: true });

program.command('migrate').description('Apply database migrations and exit').action(async () => {
  await withServices(async () => {});
  console.log('Database is up to date.');
});

program.command('restore')
  .description('Embedded database: put back a snapshot of the data folder (default: the newest); the current one is kept aside. Stop the server first.')
  .argument('[snapshot]', 'the snapshot\'s name, as --list shows it')
  .option('--list', 'list the snapshots, newest first, with their time and size')
  .action(async (name: string | undefined, options: { list?: boolean }) => {
    const { runRestore } = await import('./restore.ts');
    await runRestore(name, options);
  });

program.command('setup')
  .description('First run without a browser: create the workspace and its owner')
  .requiredOption('--workspace <name>', 'name of your business or group')
  .requiredOption('--email <email>', 'the owner\'s email, used to sign in')
  .requiredOption('--password <password>', 'the owner\'s password (at least 10 characters)')
  .option('--name <name>', 'the owner\'s name (default: the part of the email before @)')
  .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Berlin', 'UTC')
  .action(async (options: { workspace: string; email: string; password: string; name?: string; timezone: string }) => {
    const input = parseOrExit(SetupInput, {
      workspaceName: options.workspace, email: options.email, password: options.password,
      name: options.name ?? options.email.split('@')[0], timezone: options.timezone,
    });
    await withServices(async (services) => {
      await services.auth.setup(input);
    });
    console.log(`Workspace "${options.workspace}" created; ${input.email} is its owner.`);
  });

const token = program.command('token').description('API tokens for scripts');
token.command('create')
  .description('Print a new API token for a member; use it as Authorization: Bearer <token>')
  .requiredOption('--email <email>', 'the member the token acts as (it carries their role)')
  .requiredOption('--name <name>', 'what the token is for, e.g. "backup script"')
  .option('--workspace <slug>', 'only when the email belongs to several workspaces')
  .action(async (options: { email: string; name: string; workspace?: string }) => {
    const created = await withServices((services) => services.auth.createApiTokenForEmail(options.email, options.name, options.workspace));
    console.log(created.token);
  });

const user = program.command('user').description('Members');
user.command('reset-password')
  .description('Set a new password for a member and sign them out everywhere')
  .requiredOption('--email <email>', 'the member')
  .option('--password <password>', 'the new password (default: a generated one, printed)', minLength(10))
  .option('--workspace <slug>', 'only when the email belongs to several workspaces')
  .action(async (options: { email: string; password?: string; workspace?: string }) => {
    const password = options.password ?? randomBytes(12).toString('base64url');
    await withServices((services) => services.auth.resetPassword(options.email, password, options.workspace));
    console.log(options.password ? `Password changed for ${options.email}.` : `New password for ${options.email}: ${password}`);
  });

program.command('import')
  .description('Import people and interactions from a platform export (a file, a zip, or an unpacked export folder)')
  .argument('<format>', `one of: ${formats.join(', ')}, or backup (a whole workspace, into a fresh instance)`, (value: string) => {
    if (value !== 'backup' && !(formats as readonly string[]).includes(value)) throw new InvalidArgumentError(`not a format; use one of ${formats.join(', ')}, backup`);
    return value;
  })
  .argument('<files...>', 'the export file(s) or folder')
  .option('--workspace <slug>', 'the workspace (may be left out when there is one)')
  .option('--dry-run', 'preview: report what would happen, write nothing')
  .option('--json', 'print the report as JSON')
  .option('--mapping <json>', 'csv: our field → header name, e.g. \'{"name":"Full name","email":"E-Mail"}\'')
  .option('--owner <who>', 'linkedin-messages: your profile URL; x: your account id; facebook/instagram: your name — when it cannot be inferred')
  .action(async (format: string, files: string[], options: { workspace?: string; dryRun?: boolean; json?: boolean; mapping?: string; owner?: string }) => {
    if (options.mapping) parseOrExit(z.string().transform((v, ctx) => { try { return JSON.parse(v); } catch { ctx.addIssue({ code: 'custom', message: 'mapping is not JSON' }); return z.NEVER; } }), options.mapping);
    if (format === 'backup') {
      const { restoreBackup } = await import('./export.ts');
      await withServices((services) => restoreBackup(services, files));
      return;
    }
    const { runImport } = await import('./import.ts');
    await withServices((services) => runImport(services, format as (typeof formats)[number], files, options));
  });

const exportKinds = ['backup', 'people-csv', 'interactions-csv', 'vcard'] as const;
program.command('export')
  .description('Export to open formats: backup (the whole workspace as JSON), people-csv, interactions-csv, vcard')
  .argument('<what>', exportKinds.join(', '), (value: string) => {
    if (!(exportKinds as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${exportKinds.join(', ')}`);
    return value;
  })
  .option('--output <file>', 'write to this file (default: standard output)')
  .option('--workspace <slug>', 'the workspace (may be left out when there is one)')
  .action(async (what: (typeof exportKinds)[number], options: { output?: string; workspace?: string }) => {
    const { runExport } = await import('./export.ts');
    await withServices((services) => runExport(services, what, options));
  });

program.command('today')
  .description('Who to call or meet, replies owed, and who to keep in touch with')
  .option('--workspace <slug>', 'the workspace (may be left out when there is one)')
  .option('--json', 'print the data as JSON')
  .action(async (options: { workspace?: string; json?: boolean }) => {
    const { printToday } = await import('./today.ts');
    await withServices((services) => printToday(services, options));
  });

const focusChannelNames = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'instagram'];
program.command('focus')
  .description('A focus session in the terminal: read, write, reply, leave, with a progress bar per phase (Ctrl-C ends it early)')
  .option('--minutes <n>', 'length in minutes (default 15, split 3/5/5/2)', rangeInt(1, 240))
  .option('--channel <name>', `a channel (repeat for several): ${focusChannelNames.join(', ')}; default: those of your weekly budget`, (value: string, previous: string[]) => {
    if (!focusChannelNames.includes(value)) throw new InvalidArgumentError(`use one of ${focusChannelNames.join(', ')}`);
    return [...previous, value];
  }, [] as string[])
  .option('--workspace <slug>', 'the workspace (may be left out when there is one)')
  // A session of a few seconds, split like the default: for trying the bars out, and for tests.
  .addOption(new Option('--seconds <n>', 'length in seconds').argParser(rangeInt(2, 3600)).hideHelp())
  .action(async (options: { minutes?: number; seconds?: number; channel: string[]; workspace?: string }) => {
    const { runFocus } = await import('./focus.ts');
    await withServices((services) => runFocus(services, { ...options, channel: options.channel as never }));
  });

program.command('demo')
  .description('Fill a fresh data folder with a realistic demo workspace (~200 people, 90 days of interactions)')
  .option('--people <n>', 'how many people', positiveInt, 200)
  .option('--email <email>', 'the demo owner\'s email', 'demo@onland.example')
  .option('--password <password>', 'the demo owner\'s password', minLength(10), 'onland-demo-password')
  .action(async (options: { people: number; email: string; password: string }) => {
    const result = await withServices(async (services) => {
      if ((await services.auth.setupStatus()).setupDone) {
        throw new Error('This data folder already has a workspace. Use a fresh one, e.g. ONLAND_DATA_DIR=./demo-data npx onland demo');
      }
      const { createDemo } = await import('./demo.ts');
      return createDemo(services, { ...options, now: new Date() });
    });
    console.log(`Demo workspace ready: ${result.people} people, ${result.interactions} interactions. Sign in as ${options.email} / ${options.password}`);
  });

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('a whole number from 1 to 100000');
  return n;
}

function rangeInt(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return n;
  };
}

function minLength(n: number) {
  return (value: string) => {
    if (value.length < n) throw new InvalidArgumentError(`at least ${n} characters`);
    return value;
  };
}

function parseOrExit<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) console.error(`error: ${issue.path.join('.') || 'input'}: ${issue.message}`);
  process.exit(2);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message}`);
  process.exit(1);
}
