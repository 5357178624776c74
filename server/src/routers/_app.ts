import { router } from '../trpc';
import { actionRouter } from './action';
import { agendaRouter } from './agenda';
import { attendanceRouter } from './attendance';
import { authRouter } from './auth';
import { commentRouter } from './comment';
import { committeeRouter } from './committee';
import { committeeMemberRouter } from './committeeMember';
import { dashboardRouter } from './dashboard';
import { decisionRouter } from './decision';
import { fundingLineRouter } from './fundingLine';
import { historyRouter } from './history';
import { indicatorRouter } from './indicator';
import { mailRouter } from './mail';
import { measurementRouter } from './measurement';
import { meetingRouter } from './meeting';
import { membershipRouter } from './membership';
import { organisationRouter } from './organisation';
import { planRouter } from './plan';
import { progressRouter } from './progress';
import { regionRouter } from './region';
import { stageRouter } from './stage';
import { territoryRouter } from './territory';
import { updateRequestRouter } from './updateRequest';
import { userRouter } from './user';

export const appRouter = router({
  auth: authRouter,
  region: regionRouter,
  territory: territoryRouter,
  organisation: organisationRouter,
  user: userRouter,
  membership: membershipRouter,
  plan: planRouter,
  stage: stageRouter,
  fundingLine: fundingLineRouter,
  action: actionRouter,
  indicator: indicatorRouter,
  measurement: measurementRouter,
  committee: committeeRouter,
  committeeMember: committeeMemberRouter,
  meeting: meetingRouter,
  mail: mailRouter,
  attendance: attendanceRouter,
  agenda: agendaRouter,
  decision: decisionRouter,
  updateRequest: updateRequestRouter,
  comment: commentRouter,
  history: historyRouter,
  dashboard: dashboardRouter,
  progress: progressRouter,
});

export type AppRouter = typeof appRouter;
