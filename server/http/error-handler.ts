// One place turns every failure into `{ error: { code, message } }`: our ApiErrors as they are,
// Fastify's own parsing/limit errors into sentences a person can act on, and anything else
// into a generic 500 whose details (stack included) go to the log only.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function fromFastifyError(error: FastifyError, bodyLimit: number, mediaType: string): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large', `The request body is larger than this endpoint accepts (${describeBytes(bodyLimit)}).`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        'unsupported_media_type',
        mediaType === 'application/octet-stream'
          ? 'Send the upload chunk as raw bytes with "Content-Type: application/octet-stream".'
          : 'Send the request body as JSON with "Content-Type: application/json".',
      );
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

/** Upload chunk routes take raw bytes; every other body is JSON. */
function expectedMediaType(url: string | undefined): string {
  return url === '/v1/uploads/:uploadId' ? 'application/octet-stream' : 'application/json';
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Routes that take larger bodies (gallery photo lists, upload chunks) set their own limit.
    const routeLimit = request.routeOptions.bodyLimit ?? bodyLimit;
    const apiError = error instanceof ApiError ? error : fromFastifyError(error, routeLimit, expectedMediaType(request.routeOptions.url));
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
