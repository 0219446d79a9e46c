import { z } from 'zod';

// Imported first: zod decides at schema construction whether to compile parsers with `new Function`,
// which the CSP (script-src 'self') forbids; even its probe shows up as a CSP violation.
z.config({ jitless: true });
