import { ProblemSchema } from '../../schemas/api.ts';

/** An OpenAPI response of problem+json. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses every authenticated route can give, spread into its `responses`. */
export const problemResponses = {
  400: problem('The request cannot be read'),
  401: problem('Missing or invalid API key'),
  404: problem('Not found, or not in this workspace'),
  422: problem('A field is invalid; `errors` names each one'),
  500: problem('Internal error'),
} as const;

export const security = [{ bearerAuth: [] }];
