import { registerHooks, type ResolveFnOutput } from 'node:module';

// Loaded before anything else (bin/onland.js, `npm test`): Node 24 parses a package's package.json
// `exports` again for every file it loads from that package, to learn the file's format. drizzle-orm's
// package.json is 179 KB and the server loads about 120 of its files, so that cost 1.4 s of CPU at every
// start of a server, a command or a test file (measured: importing drizzle-orm, its pg-core and its
// two drivers took 1,460 ms; with these hooks, 145 ms).
// Inside drizzle-orm every relative import names an ES module file, so it is resolved here, and an
// import of drizzle-orm from Onland's own files resolves to the same file from each of them: it is asked once.
const drizzle = '/node_modules/drizzle-orm/';
const resolved = new Map<string, ResolveFnOutput>();

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.includes(drizzle) && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    if ((specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) && !parent?.includes('/node_modules/')) {
      const key = `${specifier} ${context.conditions?.join(',')}`;
      let found = resolved.get(key);
      if (!found) resolved.set(key, (found = { ...nextResolve(specifier, context), shortCircuit: true }));
      return found;
    }
    return nextResolve(specifier, context);
  },
});
