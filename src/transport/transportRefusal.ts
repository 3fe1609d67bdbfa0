import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ErrorCode } from '../shared/errors';
import { currentRequestScope } from '../observability/requestScope';

/**
 * A refusal answered by the transport itself, before Apollo sees the request, shaped like
 * Apollo's own refusals (a JSON body with `errors[].extensions.code`) so clients handle one
 * error format whatever refused them.
 */
export function transportRefusal(
  statusCode: number,
  message: string,
  code: string = ErrorCode.BadRequest,
  extensions: Record<string, unknown> = {},
): APIGatewayProxyStructuredResultV2 {
  currentRequestScope()?.errorCodes.push(code);
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  };
}
