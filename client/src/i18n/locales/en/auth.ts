import type { Messages } from '../../types';
import type { auth as fr } from '../fr/auth';

export const auth: Messages<typeof fr> = {
  title: 'Sign in',
  intro: 'Sign in to follow the action plans of your territories.',
  email: 'Email address',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  badCredentials: 'Wrong email or password.',
  locked:
    'This account is locked after too many failed attempts, until {{time}}. Even the right password is refused until then.',
  slowed: 'Too many failed attempts from your network. Try again after {{time}}.',
  busy: 'Too many sign-ins at once. Try again in a moment.',
  missing: 'Enter your email and your password.',
  proConnect: 'Sign in with ProConnect',
  or: 'or with your email address and a password',
};
