// Every message the embedded server sends, named, with OpenWhisk's wording
// (OW:common/scala/.../http/ErrorResponse.scala `Messages`, akka-http's rejection texts).
import { entityMessages } from './api/messages.js';

export const messages = {
  resourceDoesNotExist: 'The requested resource does not exist.',
  resourceAlreadyExists: 'resource already exists',
  authenticationInvalid: 'The supplied authentication is invalid',
  authenticationMissing: 'The resource requires authentication, which was not supplied with the request',
  notAuthorized: 'The supplied authentication is not authorized to access this resource.',
  methodNotAllowed: 'HTTP method not allowed, supported methods: ',
  tooManyRequests: (count: number, allowed: number) =>
    `Too many requests in the last minute (count: ${count}, allowed: ${allowed}).`,
  tooManyConcurrentRequests: (count: number, allowed: number) =>
    `Too many concurrent requests in flight (count: ${count}, allowed: ${allowed}).`,
  invalidTimeout: (max: number) => `Timeout must be number of milliseconds up to ${max}.`,
  entityTooBig: (field: string, size: number, allowed: number) =>
    `${field} larger than allowed: ${size} > ${allowed} bytes.`,
  bodyTimedOut: 'The request body did not arrive in time.',
  bodyAborted: 'The request body was cut short.',
  badRequestTarget: 'The request target is not a valid path.',
  badPathEncoding: 'The request path is not valid percent-encoded UTF-8.',
  malformedRequest: (detail: string) => `The request content was malformed:\n${detail}`,
  // invalidRuntimeError: `runtimes.mkString("'", "', '", "'")`, each kind quoted.
  unsupportedKind: (kind: string, valid: readonly string[]) =>
    `The specified runtime '${kind}' is not supported by this platform. Valid values are: ${valid.map((k) => `'${k}'`).join(', ')}.`,
  imageRequired: "'image' must be a string defined in 'exec' for 'blackbox' actions",
  listLimitOutOfRange: (collection: string, value: number, max: number) =>
    `The value '${value}' is not in the range of 0 to ${max} for ${collection}.`,
  listSkipOutOfRange: (collection: string, value: number) =>
    `The value '${value}' is not greater than or equal to 0 for ${collection}.`,
  argumentNotInteger: (collection: string, value: string) => `The value '${value}' is not an integer for ${collection}.`,
  badNameFilter: (value: string) => `Parameter may be a 'simple' name or 'package-name/simple' name: ${value}`,
  badEpoch: (value: string) => `Parameter is not a valid value for epoch seconds: ${value}`,
  docsNotAllowedWithCount: "The parameter 'docs' is not permitted with 'count'.",
  entityNameIllegal: 'The name of the entity contains illegal characters.',
  activationIdIllegal: 'The activation id is not valid.',
  timedOut: (ms: number, init: boolean) =>
    `The action exceeded its time limits of ${ms} milliseconds${init ? ' during initialization.' : '.'}`,
  abnormalInitialization: 'The action did not initialize and exited unexpectedly.',
  abnormalRun: 'The action did not produce a valid response and exited unexpectedly.',
  invalidInitResponse: (body: string) => `The action failed during initialization${body ? `: ${body}` : '.'}`,
  invalidRunResponse: (body: string) => `The action did not produce a valid JSON response${body ? `: ${body}` : '.'}`,
  resourceProvisionError: 'Failed to provision resources to run the action.',
  imagePullError: (image: string) => `Failed to pull container image '${image}'.`,
  systemOverloaded: 'System is overloaded, try again later.',
  serviceUnavailable: 'The server is currently unavailable (because it is overloaded or down for maintenance).',
  internalServerError: 'There was an internal server error.',
  logWarningDeveloperError: 'The action did not initialize or run as expected. Log data might be missing.',
  ...entityMessages,
} as const;
