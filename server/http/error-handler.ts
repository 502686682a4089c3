// One place turns every failure into `{ error: { code, message } }`: our ApiErrors as they are,
// Fastify's own parsing/limit errors into sentences a person can act on, and anything else
// into a generic 500 whose details (stack included) go to the log only.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

function fromFastifyError(error: FastifyError, bodyLimit: number): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        'payload_too_large',
        `The request body is larger than this endpoint accepts (${Math.round(bodyLimit / 1024)} KiB).`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupported_media_type', 'Send the request body as JSON with "Content-Type: application/json".');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(
        'invalid_input',
        'The request says it carries JSON but the body is empty. Send a JSON object, or no Content-Type.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('invalid_input', 'The request body is not valid JSON.');
    default:
      break;
  }
  // JSON.parse failures and prototype-poisoning refusals surface as plain 400s from Fastify.
  if (error.statusCode === 400) return new ApiError('invalid_input', 'The request body is not valid JSON.');
  return null;
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = error instanceof ApiError ? error : fromFastifyError(error, bodyLimit);
    if (apiError) {
      for (const [name, value] of Object.entries(apiError.options.headers ?? {})) reply.header(name, value);
      return reply.code(apiError.status).send(apiError.toBody());
    }
    request.log.error({ err: error }, 'unhandled error');
    const body = new ApiError(
      'internal',
      'Something went wrong on the server. Try again in a moment; if it keeps happening, check the server log.',
    );
    return reply.code(500).send(body.toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const body = new ApiError(
      'not_found',
      `There is no API route ${request.method} ${path}. Check the server address, and that the app and the server are the same version.`,
    );
    return reply.code(404).send(body.toBody());
  });
}
