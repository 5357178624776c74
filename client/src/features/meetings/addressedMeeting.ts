import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The meeting the address names (`:meetingId`); for a malformed id `valid` is false, nothing asked. */
export function useAddressedMeeting() {
  const trpc = useTRPC();
  const meetingId = Number(useParams().meetingId);
  const valid = Number.isInteger(meetingId) && meetingId > 0;
  const meeting = useQuery({
    ...trpc.meeting.byId.queryOptions({ id: meetingId }),
    enabled: valid,
  });
  return { meetingId, valid, meeting };
}

/** `meeting.review` of the addressed meeting, once its id is known to be valid. */
export function useMeetingReview(meetingId: number, valid: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.meeting.review.queryOptions({ id: meetingId }),
    enabled: valid,
  });
}
