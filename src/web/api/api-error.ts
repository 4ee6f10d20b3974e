import { problem, type FieldProblem, type Problem } from '../../domain/problem.js';

/** A failed API call. `problem` is the RFC 9457 body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
  }

  get code(): Problem['code'] | null {
    return this.problem?.code ?? null;
  }

  get fieldProblems(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Reads a problem+json body; anything else (a proxy's HTML page, say) gives null. */
export async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const parsed = problem.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
