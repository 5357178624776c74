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
  tooMany: 'Too many failed attempts. Try again in a quarter of an hour.',
  missing: 'Enter your email and your password.',
};
