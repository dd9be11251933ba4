import { Worker } from 'node:worker_threads';

/** A request the stand-in GitHub API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  authorization: string | null;
}

export interface FakePull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: Array<{ name: string }>;
  comments: string[];
}

export interface FakeGitHub {
  /** Pass as --api-url. */
  url: string;
  state(): Promise<{ requests: RecordedRequest[]; pulls: FakePull[] }>;
  /**
   * The next request matching method and path (a regular expression) gets this answer instead; `mode: 'hang'`
   * never answers it, `mode: 'html'` answers with an HTML page (status 200 unless given).
   */
  failNext(failure: { method: string; path: string; status?: number; body?: unknown; headers?: Record<string, string>; mode?: 'hang' | 'html' }): Promise<void>;
  /** Closes a pull request as a person would on github.com (not recorded as a request). */
  closeByHand(number: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in GitHub API (pr-github-server.mjs) on 127.0.0.1 in a worker thread: the CLI runs through
 * spawnSync, which blocks this thread, so the server needs an event loop of its own.
 */
export async function startFakeGitHub(options: { token: string; owner: string; repo: string; defaultBranch: string; originDir: string }): Promise<FakeGitHub> {
  const worker = new Worker(new URL('./pr-github-server.mjs', import.meta.url), { workerData: options });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  const url = `http://127.0.0.1:${port}`;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`fake GitHub ${path}: ${res.status}`);
  };
  return {
    url,
    async state() {
      return (await fetch(`${url}/_fake/state`)).json() as Promise<{ requests: RecordedRequest[]; pulls: FakePull[] }>;
    },
    failNext: (failure) => post('/_fake/fail', failure),
    closeByHand: (number) => post('/_fake/close', { number }),
    async stop() {
      await worker.terminate();
    },
  };
}
