import { router } from '../trpc';

// To be filled in: see the routers action.ts and auth.ts for the pattern.
export const meetingRouter = router({});
