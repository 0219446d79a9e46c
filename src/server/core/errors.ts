// One catalog of error codes: each maps to an HTTP status and a human title.
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_CURSOR: { status: 400, title: 'The page cursor is not valid' },
  BAD_REQUEST: { status: 400, title: 'The request could not be read' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in first' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  FORBIDDEN: { status: 403, title: 'Your role does not allow this' },
  CSRF_FAILED: { status: 403, title: 'The request is missing its CSRF token' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'There is no such address' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  SETUP_DONE: { status: 409, title: 'Onland is already set up' },
  SETUP_REQUIRED: { status: 409, title: 'Onland is not set up yet' },
  DUPLICATE_PERSON: { status: 409, title: 'Another person already has this email, phone or handle' },
  EMAIL_TAKEN: { status: 409, title: 'A member with this email already exists' },
  WORKSPACE_REQUIRED: { status: 409, title: 'This email belongs to several workspaces: name the workspace' },
  LAST_OWNER: { status: 409, title: 'A workspace keeps at least one owner' },
  ALREADY_ANSWERED: { status: 409, title: 'This question has an answer already' },
  BROADCAST_SENT: { status: 409, title: 'This broadcast is sending or sent: it can no longer change' },
  ADDRESS_SUPPRESSED: { status: 409, title: 'This address is on the suppression list' },
  POST_LOCKED: { status: 409, title: 'This post is being published or already out; it can no longer change' },
  NOT_MANUAL_CHANNEL: { status: 409, title: 'This channel publishes through its API; only manual channels are marked posted by hand' },
  NOT_DUE: { status: 409, title: 'This post is not due on this channel yet, or is already marked posted' },
  NOTHING_TO_RESOLVE: { status: 409, title: 'This channel\'s outcome is not unknown or failed; there is nothing to resolve' },
  PLAN_CLOSED: { status: 409, title: 'This plan is already done or cancelled' },
  FOCUS_RUNNING: { status: 409, title: 'A focus session is already running' },
  FOCUS_ENDED: { status: 409, title: 'This focus session has ended' },
  EVENT_CLOSED: { status: 409, title: 'This event is cancelled or over' },
  NOT_CONFIRMED: { status: 409, title: 'Only a confirmed registration can check in' },
  INVITATION_INVALID: { status: 410, title: 'This invitation is used, expired or unknown' },
  RESET_INVALID: { status: 410, title: 'This password reset link is used, expired or unknown' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'This content type is not accepted' },
  SCHEDULE_INCOMPLETE: { status: 422, title: 'A scheduled post needs a time in the future and at least one channel' },
  CHANNEL_MODE_UNSUPPORTED: { status: 422, title: 'This platform has no API Onland may post through; use a manual channel' },
  UNKNOWN_CHANNEL: { status: 422, title: 'A channel of this post does not exist in this workspace' },
  UNKNOWN_TIMEZONE: { status: 422, title: 'This is not an IANA timezone' },
  UNKNOWN_REGION: { status: 422, title: 'No public holidays are known for this country or region' },
  IMPORT_UNREADABLE: { status: 422, title: 'This file cannot be read as the chosen format' },
  RATE_LIMITED: { status: 429, title: 'Too many requests: wait a moment' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, title: 'The database is not reachable' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: FieldIssue[] | undefined;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, issues?: FieldIssue[]) {
    super(detail ?? errorCatalog[code].title);
    this.code = code;
    this.status = errorCatalog[code].status;
    this.detail = detail;
    this.issues = issues;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
