// Figures go to stdout, one JSON line each; everything else goes to stderr,
// so `npm run bench > figures.jsonl` keeps only the figures.
export type Figure = {
  name: string;
  value: number | null;
  unit: string;
  target: string;
  runs: number;
  stat: string;
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// 1 MB here is 1024 × 1024 bytes, as ps, top and `du -m` count it.
export const bytesPerMb = 1024 * 1024;
