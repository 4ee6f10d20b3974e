import { problem } from '../../domain/problem.js';

/** The error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  412: problem,
  428: problem,
  422: problem,
  429: problem,
  500: problem,
  503: problem,
} as const;

export const publicErrorResponses = {
  400: problem,
  401: problem,
  403: problem,
  422: problem,
  429: problem,
  500: problem,
  503: problem,
} as const;
