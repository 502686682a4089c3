// Every refusal of the retouch task machine: a code for programs, a stable key for translation
// (`retouch.refusal.<key>`) and an English sentence that says what to do instead. `{name}` is
// filled from the params; times in sentences are HH:MM UTC (params keep the ISO time for the UI).
import { type Refusal, refusalMaker } from '../refusals';

export const taskRefusalCodes = [
  'invalid_event',
  'already_created',
  'out_of_order',
  'task_approved',
  'leased',
  'already_holding',
  'not_holder',
  'lease_expired',
  'bad_lease',
  'in_review',
  'use_resume',
  'illegal_transition',
  'self_review',
  'needs_feedback',
] as const;
export type TaskRefusalCode = (typeof taskRefusalCodes)[number];

export const taskRefusalTexts = {
  'event.invalid': { code: 'invalid_event', text: '{message}' },
  'create.already_created': {
    code: 'already_created',
    text: 'This retouch task already exists. To retouch the photo again, create a new task.',
  },
  'any.out_of_order': {
    code: 'out_of_order',
    text: 'This change is dated before the task’s last change ({last}). Reload the task and try again.',
  },
  'any.approved': {
    code: 'task_approved',
    text: 'This photo is approved, so its task is finished. Create a new task to retouch it again.',
  },
  'claim.leased': { code: 'leased', text: '{holder} is working on this photo until {time}{device}. Pick another one, or wait.' },
  'claim.already_holding': {
    code: 'already_holding',
    text: 'You are already working on this photo until {time}. Use Keep working to hold it longer.',
  },
  'claim.in_review': { code: 'in_review', text: 'This photo is waiting for review, so it can’t be claimed. Pick another one.' },
  'claim.rejected': { code: 'use_resume', text: 'This photo was sent back for changes. Use Resume to start round {next}.' },
  'resume.not_rejected': {
    code: 'illegal_transition',
    text: 'This photo hasn’t been sent back (it is {state}), so there is nothing to resume.',
  },
  'resume.to_do': { code: 'illegal_transition', text: 'Nobody is working on this photo. Claim it instead.' },
  'lease.not_holder': {
    code: 'not_holder',
    text: '{holder} is working on this photo{device}, not you. Pick another one, or ask {holder}.',
  },
  'lease.taken_over': {
    code: 'not_holder',
    text: 'Your hold on this photo ran out and {holder} took it over{device}. Ask {holder} before going on, or pick another photo.',
  },
  'lease.none': { code: 'illegal_transition', text: 'Nobody is working on this photo (it is {state}). Claim it first.' },
  'renew.expired': { code: 'lease_expired', text: 'Your hold on this photo ran out at {time}. Claim it again to keep working.' },
  'lease.bad_time': {
    code: 'bad_lease',
    text: 'A hold on a photo must end after it starts and last at most {hours} hours. Pick an end time within {hours} hours.',
  },
  'submit.to_do': { code: 'illegal_transition', text: 'Nobody is working on this photo. Claim it first, then submit your version.' },
  'submit.in_review': { code: 'in_review', text: 'A version of this photo is already waiting for review. Wait for the review.' },
  'submit.rejected': { code: 'use_resume', text: 'This photo was sent back for changes. Resume it first, then submit the new version.' },
  'review.not_in_review': { code: 'illegal_transition', text: 'No version of this photo is waiting for review (it is {state}).' },
  'review.self': {
    code: 'self_review',
    text: 'You retouched this version, so someone else has to review it. Ask a colleague, or mark the order’s retouching as done by hand.',
  },
  'reject.needs_feedback': {
    code: 'needs_feedback',
    text: 'Say what to change: draw at least one markup on the photo or write a comment, then send it back.',
  },
} as const satisfies Record<string, { code: TaskRefusalCode; text: string }>;
export type TaskRefusalKey = keyof typeof taskRefusalTexts;

export type TaskRefusal = Refusal<TaskRefusalCode, TaskRefusalKey>;

export const taskRefusal = refusalMaker<TaskRefusalCode, typeof taskRefusalTexts>(taskRefusalTexts);
