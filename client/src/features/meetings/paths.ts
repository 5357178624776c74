/** The committee and meeting screens' addresses, for links from every other page. */
export const meetingPaths = {
  list: () => '/meetings',
  meeting: (meetingId: number) => `/meetings/${meetingId}`,
  present: (meetingId: number) => `/meetings/${meetingId}/present`,
  summary: (meetingId: number) => `/meetings/${meetingId}/summary`,
  committees: (territoryId: number) => `/territories/${territoryId}/committees`,
  newMeeting: (committeeId: number) => `/committees/${committeeId}/meetings/new`,
  decisions: () => '/decisions',
} as const;
