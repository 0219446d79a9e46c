import { registerHooks, type ResolveFnOutput } from 'node:module';

// Loaded before anything else (bin/onland.js, `npm test`). To learn each file's format, Node 24 looks up
// the package.json above it and parses that file's `exports` afresh on every lookup: drizzle-orm's is
// 179 KB, read again for each of its ~120 files and for each of Onland's files that imports it. (The same
// cost is reported on Node 26.5: openclaw/openclaw#128541.) Importing src/server/app.ts, measured three
// times each: 2,150–2,410 ms of CPU without these hooks; 1,300–1,330 with only the first rule below;
// 990–1,010 with both. Every server, command and test file pays it at start.
// 1. Inside drizzle-orm ("type": "module") every relative import names an ES module file: resolved here.
// 2. drizzle-orm imported from Onland's own files resolves to the same file from each of them: asked once.
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
