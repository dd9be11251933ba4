import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { UsageError } from '../registry.js';

/** The parts of a pull request remodel reads. */
export interface PullRequest {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  state: string;
  merged_at: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: Array<{ name?: string }>;
}

export interface RepoId {
  owner: string;
  repo: string;
}

/** A GitHub API call failed; `message` says what was being done, what GitHub answered and what to check. */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

export function parseRepo(spec: string, from: string): RepoId {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(spec.trim());
  if (!m) throw new UsageError(`${from} must be owner/name, got "${spec}"`);
  return { owner: m[1], repo: m[2].replace(/\.git$/, '') };
}

/**
 * owner/name from a remote URL: `https://host/owner/name(.git)`, `ssh://git@host/owner/name.git`,
 * `git@host:owner/name.git` (GitHub and GitHub Enterprise alike). Undefined for anything else (a local path).
 */
export function repoFromRemoteUrl(url: string): RepoId | undefined {
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?[^/]+(?::\d+)?\/(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:[^@/]+@)?[^:/]+:(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? { owner: m[1], repo: m[2] } : undefined;
}

/** Turns an Octokit error into a message a person can act on (the token itself never appears in it). */
export function explainApiError(err: unknown, doing: string, apiUrl: string): GitHubError {
  const e = err as { status?: number; message?: string; response?: { headers?: Record<string, string>; data?: any } };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const headers = e?.response?.headers ?? {};
  const data = e?.response?.data;
  const ghMessage = (typeof data?.message === 'string' ? data.message : e?.message ?? String(err)).trim();
  const details = Array.isArray(data?.errors)
    ? data.errors.map((x: any) => (typeof x === 'string' ? x : x?.message ?? [x?.resource, x?.field, x?.code].filter(Boolean).join(' '))).filter(Boolean)
    : [];
  const said = [ghMessage, ...details].join('; ');
  const limited = headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(ghMessage) || status === 429;

  if (!e?.response) {
    return new GitHubError(`cannot reach the GitHub API at ${apiUrl} while ${doing}: ${ghMessage}`, status);
  }
  if (limited && (status === 403 || status === 429)) {
    const reset = Number(headers['x-ratelimit-reset']);
    const retry = Number(headers['retry-after']);
    const when = retry > 0 ? `retry in ${retry}s` : reset > 0 ? `the limit resets at ${new Date(reset * 1000).toISOString()}` : 'retry later';
    return new GitHubError(`GitHub API rate limit hit while ${doing} (${status}: ${said}); ${when}. Nothing was changed on GitHub.`, status);
  }
  switch (status) {
    case 401:
      return new GitHubError(
        `GitHub rejected the token while ${doing} (401: ${said}). Check that GITHUB_TOKEN holds a valid, unexpired token for ${apiUrl}.`,
        status,
      );
    case 403: {
      const hint = /not permitted to create or approve pull requests/i.test(said)
        ? 'Allow it in the repository settings: Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests".'
        : 'The token needs write access to contents and pull requests (in a workflow: `permissions: { contents: write, pull-requests: write }`).';
      return new GitHubError(`GitHub refused ${doing} (403: ${said}). ${hint}`, status);
    }
    case 404:
      return new GitHubError(
        `GitHub answered 404 while ${doing}: check --repo / GITHUB_REPOSITORY (owner/name) and --api-url, and that the token can see the repository.`,
        status,
      );
    case 422:
      return new GitHubError(`GitHub did not accept ${doing} (422: ${said}).`, status);
    default:
      return new GitHubError(`GitHub API error while ${doing} (${status ?? 'no status'}: ${said}).`, status);
  }
}

const RemodelOctokit = Octokit.plugin(retry, throttling);

/** Default time to wait for one answer of the GitHub API before giving up on it (then retried). */
export const DEFAULT_API_TIMEOUT_S = 30;

/** A request that got no answer in time; Octokit turns it into a retryable 500-like failure. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    outer?.addEventListener('abort', () => controller.abort(outer.reason));
    // Never cleared once the answer starts, so a body that stalls is cut off too; unref'd so it never holds the exit.
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    timer.unref();
    try {
      return await fetch(input, { ...init, signal: controller.signal });
    } catch (err) {
      clearTimeout(timer);
      if (controller.signal.aborted && !outer?.aborted) throw new Error(`no answer within ${timeoutMs / 1000}s`, { cause: err });
      throw err;
    }
  };
}

interface Shape {
  what: string;
  ok: (data: any) => boolean;
}

const isPull = (p: any) => p !== null && typeof p === 'object' && typeof p.number === 'number' && typeof p.html_url === 'string' && typeof p.head?.ref === 'string';
const PULL: Shape = { what: 'a pull request object', ok: isPull };
const PULLS: Shape = { what: 'a JSON list of pull requests', ok: (d) => Array.isArray(d) && d.every(isPull) };
const REPO: Shape = { what: 'a repository object with default_branch', ok: (d) => d !== null && typeof d === 'object' && typeof d.default_branch === 'string' };
const ANY_JSON: Shape = { what: 'a JSON answer', ok: (d) => d !== null && typeof d === 'object' };

/** What came back, for a message: its content type and the start of the body. */
function sketch(data: unknown, headers: Record<string, unknown>): string {
  const type = String(headers['content-type'] ?? 'no content type').split(';')[0];
  const text = typeof data === 'string' ? data : JSON.stringify(data) ?? String(data);
  const start = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `${type}${start ? ` starting "${start}${text.length > 60 ? '…' : ''}"` : ', empty'}`;
}

/** The few REST calls `remodel pr` makes, each turning failures into a GitHubError. */
export class GitHub {
  private readonly octokit: InstanceType<typeof RemodelOctokit>;

  constructor(
    token: string,
    readonly apiUrl: string,
    readonly id: RepoId,
    userAgent: string,
    timeoutSeconds: number = DEFAULT_API_TIMEOUT_S,
  ) {
    const quiet = () => undefined;
    this.octokit = new RemodelOctokit({
      auth: token,
      baseUrl: apiUrl.replace(/\/+$/, ''),
      userAgent,
      // Octokit logs failed requests to the console by default; remodel reports errors itself.
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      request: { fetch: fetchWithTimeout(timeoutSeconds * 1000) },
      // Server errors and requests without an answer are retried twice (after 1 s, then 4 s); 4xx answers are not.
      retry: { retries: 2 },
      // GitHub's rate limits: wait once for a reset that comes within a minute, else fail with the explanation.
      throttle: {
        onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 1 && retryAfter <= 60,
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 1 && retryAfter <= 60,
      },
    });
  }

  private async call<T>(doing: string, shape: Shape, fn: () => Promise<{ data: T; headers: Record<string, unknown> }>): Promise<T> {
    let response: { data: T; headers: Record<string, unknown> };
    try {
      response = await fn();
    } catch (err) {
      throw explainApiError(err, doing, this.apiUrl);
    }
    if (!shape.ok(response.data)) {
      // A proxy's HTML login page with status 200, a captive portal, a wrong --api-url: never act on it.
      throw new GitHubError(
        `unexpected answer from the GitHub API at ${this.apiUrl} while ${doing}: expected ${shape.what}, got ${sketch(response.data, response.headers ?? {})}. ` +
          'Check --api-url / GITHUB_API_URL (GitHub Enterprise: https://HOST/api/v3).',
        undefined,
      );
    }
    return response.data;
  }

  async defaultBranch(): Promise<string> {
    const data = await this.call(`reading repository ${this.id.owner}/${this.id.repo}`, REPO, () => this.octokit.rest.repos.get({ ...this.id }));
    return data.default_branch;
  }

  /** Pull requests from `branch` of this repository, newest first. */
  async pullsFrom(branch: string, state: 'open' | 'closed'): Promise<PullRequest[]> {
    const data = await this.call(`looking up ${state} pull requests from ${branch} in ${this.id.owner}/${this.id.repo}`, PULLS, () =>
      this.octokit.rest.pulls.list({ ...this.id, head: `${this.id.owner}:${branch}`, state, per_page: 30, sort: 'updated', direction: 'desc' }),
    );
    // Old GitHub Enterprise versions ignore `head`; filter again.
    return (data as PullRequest[]).filter((pr) => pr.head?.ref === branch);
  }

  async create(input: { title: string; body: string; head: string; base: string }): Promise<PullRequest> {
    return this.call(`opening a pull request from ${input.head} into ${input.base}`, PULL, () =>
      this.octokit.rest.pulls.create({ ...this.id, ...input, maintainer_can_modify: true }),
    ) as Promise<PullRequest>;
  }

  async update(number: number, patch: { title?: string; body?: string; base?: string; state?: 'open' | 'closed' }): Promise<PullRequest> {
    return this.call(`updating pull request #${number}`, PULL, () => this.octokit.rest.pulls.update({ ...this.id, pull_number: number, ...patch })) as Promise<PullRequest>;
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.call(`labelling pull request #${number}`, ANY_JSON, () => this.octokit.rest.issues.addLabels({ ...this.id, issue_number: number, labels }));
  }

  async comment(number: number, body: string): Promise<void> {
    await this.call(`commenting on pull request #${number}`, ANY_JSON, () => this.octokit.rest.issues.createComment({ ...this.id, issue_number: number, body }));
  }
}
