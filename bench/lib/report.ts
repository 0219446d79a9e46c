// Figures go to stdout, one JSON line each; everything else goes to stderr,
// so `npm run bench > figures.jsonl` keeps only the figures.
export type Figure = {
  name: string;
  value: number | null;
  unit: string;
  target: string;
  runs: number;
  stat: string;
  // The scale it was measured at, so a smaller run (PGlite, a quick trial) never passes for the full one.
  people?: number;
  interactions?: number;
  rows?: number;
  error?: string;
};

// One benchmark: a name to select it by, the figures it prints, and how to measure them.
export type Bench = {
  name: string;
  figures: string[];
  run: () => Promise<Figure[]>;
};

export function emit(figure: Figure): void {
  process.stdout.write(JSON.stringify(figure) + '\n');
}

export function log(line: string): void {
  process.stderr.write(line + '\n');
}

// Short enough for a figure line: a failed query's message holds the whole SQL, so it keeps its
// first line and the database's own reason (the cause).
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const first = error.message.split('\n')[0]!.replace(/:\s*$/, '').slice(0, 200);
  const cause = error.cause instanceof Error ? `: ${error.cause.message.split('\n')[0]!.slice(0, 300)}` : '';
  return first + cause;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// 1 MB here is 1024 × 1024 bytes, as ps, top and `du -m` count it.
export const bytesPerMb = 1024 * 1024;
