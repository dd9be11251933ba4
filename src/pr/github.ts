import { Octokit } from '@octokit/rest';
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

/** The few REST calls `remodel pr` makes, each turning failures into a GitHubError. */
export class GitHub {
  private readonly octokit: Octokit;

  constructor(
    token: string,
    readonly apiUrl: string,
    readonly id: RepoId,
    userAgent: string,
  ) {
    const quiet = () => undefined;
    this.octokit = new Octokit({
      auth: token,
      baseUrl: apiUrl.replace(/\/+$/, ''),
      userAgent,
      // Octokit logs failed requests to the console by default; remodel reports errors itself.
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
  }

  private async call<T>(doing: string, fn: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await fn()).data;
    } catch (err) {
      throw explainApiError(err, doing, this.apiUrl);
    }
  }

  async defaultBranch(): Promise<string> {
    const data = await this.call(`reading repository ${this.id.owner}/${this.id.repo}`, () => this.octokit.rest.repos.get({ ...this.id }));
    return data.default_branch;
  }

  /** Pull requests from `branch` of this repository, newest first. */
  async pullsFrom(branch: string, state: 'open' | 'closed'): Promise<PullRequest[]> {
    const data = await this.call(`looking up ${state} pull requests from ${branch} in ${this.id.owner}/${this.id.repo}`, () =>
      this.octokit.rest.pulls.list({ ...this.id, head: `${this.id.owner}:${branch}`, state, per_page: 30, sort: 'updated', direction: 'desc' }),
    );
    // Old GitHub Enterprise versions ignore `head`; filter again.
    return (data as PullRequest[]).filter((pr) => pr.head?.ref === branch);
  }

  async create(input: { title: string; body: string; head: string; base: string }): Promise<PullRequest> {
    return this.call(`opening a pull request from ${input.head} into ${input.base}`, () =>
      this.octokit.rest.pulls.create({ ...this.id, ...input, maintainer_can_modify: true }),
    ) as Promise<PullRequest>;
  }

  async update(number: number, patch: { title?: string; body?: string; base?: string; state?: 'open' | 'closed' }): Promise<PullRequest> {
    return this.call(`updating pull request #${number}`, () => this.octokit.rest.pulls.update({ ...this.id, pull_number: number, ...patch })) as Promise<PullRequest>;
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.call(`labelling pull request #${number}`, () => this.octokit.rest.issues.addLabels({ ...this.id, issue_number: number, labels }));
  }

  async comment(number: number, body: string): Promise<void> {
    await this.call(`commenting on pull request #${number}`, () => this.octokit.rest.issues.createComment({ ...this.id, issue_number: number, body }));
  }
}
