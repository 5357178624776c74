import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ErrorMessage, Loading } from '../../components/QueryState';
import { meetingPaths } from '../meetings/paths';
import type { MeetingDetail } from '../meetings/meetingAccess';
import { useMeetingDateText } from '../meetings/meetingFormat';
import type { MeetingReview } from '../meetings/SinceLastMeeting';
import { SlideBody, buildSlides, useSlideTitle, type SlideSpec } from './slides';
import { useAddressedMeeting, useMeetingReview } from '../meetings/addressedMeeting';
import '../meetings/meetings.css';
import './meetingMode.css';

/**
 * Type size for the projector: about 28 px on a 1920×1080 screen, 20 px at 1366×768, so the
 * slides read from the back of the room and still fit a laptop. The charts use it too.
 */
function slideFontSize(): number {
  const size = Math.min(window.innerWidth * 0.0145, window.innerHeight * 0.026);
  return Math.round(Math.min(34, Math.max(14, size)));
}

function useSlideFontSize(): number {
  const [size, setSize] = useState(slideFontSize);
  useEffect(() => {
    const onResize = () => setSize(slideFontSize());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function MeetingModePage() {
  const { t } = useTranslation('review');
  const { meetingId, valid, meeting } = useAddressedMeeting();
  const review = useMeetingReview(meetingId, valid);
  const fontSize = useSlideFontSize();
  const dateText = useMeetingDateText();
  useDocumentTitle(
    meeting.data
      ? t('present.documentTitle', {
          committee: meeting.data.committee.name,
          date: dateText.date(meeting.data.scheduledAt),
        })
      : t('present.label'),
  );

  const failed = !valid ? null : (meeting.error ?? review.error);
  return (
    <div className="present" style={{ fontSize }}>
      {!valid || failed ? (
        <main className="present-state">
          <h1>{t('present.label')}</h1>
          {failed ? (
            <ErrorMessage
              error={failed}
              onRetry={() => {
                void meeting.refetch();
                void review.refetch();
              }}
            />
          ) : (
            <p className="state state-error" role="alert">
              {t('present.notFound')}
            </p>
          )}
          <p>
            <Link to={meetingPaths.list()}>{t('present.back')}</Link>
          </p>
        </main>
      ) : meeting.data && review.data ? (
        <Deck meeting={meeting.data} review={review.data} fontSize={fontSize} />
      ) : (
        <main className="present-state">
          <Loading />
        </main>
      )}
    </div>
  );
}

/** Reads the slide number (1-based) from the address, so a reload stays on the same slide. */
function useSlideIndex(count: number): [number, (index: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('slide'));
  const index = Number.isInteger(raw) && raw >= 1 ? Math.min(raw, count) - 1 : 0;
  const setIndex = useCallback(
    (next: number) => {
      const clamped = Math.max(0, Math.min(count - 1, next));
      setParams(
        (current) => {
          const merged = new URLSearchParams(current);
          merged.set('slide', String(clamped + 1));
          return merged;
        },
        { replace: true },
      );
    },
    [count, setParams],
  );
  return [index, setIndex];
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const onChange = () => setOn(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    // Only ever called from a key press or a click: browsers require a user gesture.
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  return [on, toggle];
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  target.closest('input, textarea, select, [contenteditable="true"]') !== null;
const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('button, a') !== null;

function Deck({
  meeting,
  review,
  fontSize,
}: {
  meeting: MeetingDetail;
  review: MeetingReview;
  fontSize: number;
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const dateText = useMeetingDateText();
  const navigate = useNavigate();
  const slides: SlideSpec[] = buildSlides(meeting);
  const titleOf = useSlideTitle();
  const [index, setIndex] = useSlideIndex(slides.length);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const [jump, setJump] = useState('');
  const slideRef = useRef<HTMLElement>(null);
  const controlsRef = useRef<HTMLElement>(null);
  const headingId = useId();
  const slide = slides[index] ?? { kind: 'opening' };
  const title = titleOf(slide, meeting);
  const agendaCount = meeting.agenda.length;

  // The slide takes the focus when it changes, unless the person is using the on-screen buttons.
  useEffect(() => {
    const active = document.activeElement;
    const onControl =
      controlsRef.current?.contains(active) &&
      !(active instanceof HTMLButtonElement && active.disabled);
    if (!onControl) {
      slideRef.current?.focus({ preventScroll: true });
    }
    slideRef.current?.scrollTo?.({ top: 0 });
  }, [index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const onControl = isControl(event.target);
      const handled = () => event.preventDefault();
      if (/^[0-9]$/.test(event.key)) {
        setJump((current) => (current + event.key).slice(-3));
        return handled();
      }
      switch (event.key) {
        case 'ArrowRight':
        case 'PageDown':
          setIndex(index + 1);
          return handled();
        case ' ':
          if (onControl) return;
          setIndex(index + 1);
          return handled();
        case 'ArrowLeft':
        case 'PageUp':
          setIndex(index - 1);
          return handled();
        case 'Home':
          setIndex(0);
          return handled();
        case 'End':
          setIndex(slides.length - 1);
          return handled();
        case 'Backspace':
          if (jump === '') return;
          setJump(jump.slice(0, -1));
          return handled();
        case 'Enter': {
          if (jump === '') return;
          const number = Number(jump);
          // Point n is slide n + 1 (the opening comes first).
          if (number >= 1 && number <= agendaCount) setIndex(number);
          setJump('');
          return handled();
        }
        case 'f':
        case 'F':
          toggleFullscreen();
          return handled();
        case 'Escape':
          if (jump !== '') {
            setJump('');
            return handled();
          }
          if (!document.fullscreenElement) {
            void navigate(meetingPaths.meeting(meeting.id));
            return handled();
          }
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, jump, agendaCount, slides.length, setIndex, toggleFullscreen, navigate, meeting.id]);

  const current = index + 1;
  const jumpNumber = Number(jump);
  const stateNote = review.frozen
    ? t('present.stateFrozen', {
        date: dateText.date(review.meeting.heldAt ?? review.meeting.scheduledAt),
      })
    : t('present.stateLive', { date: format.date(review.state.asOf) });

  return (
    <div className="present-frame">
      <header className="present-top">
        <p>
          <strong>{meeting.committee.name}</strong> · {dateText.date(meeting.scheduledAt)}
        </p>
        <p>{stateNote}</p>
      </header>

      <main
        ref={slideRef}
        className={`present-slide slide-${slide.kind}`}
        tabIndex={-1}
        aria-labelledby={headingId}
      >
        {slide.kind === 'item' && (
          <p className="slide-kicker">
            {t('present.item.kicker', { number: slide.number, total: agendaCount })}
          </p>
        )}
        <h1 id={headingId}>{title}</h1>
        <SlideBody slide={slide} context={{ meeting, review, fontSize }} />
      </main>

      <p className="visually-hidden" aria-live="polite">
        {t('present.announce', { current, total: slides.length, title })}
      </p>
      {jump !== '' && (
        <p className="present-jump" role="status">
          {jumpNumber >= 1 && jumpNumber <= agendaCount
            ? t('present.jump', { number: jumpNumber })
            : t('present.jumpInvalid', { number: jump })}
        </p>
      )}

      <footer className="present-bottom">
        <div className="present-progress" aria-hidden="true">
          <span style={{ width: `${(current / slides.length) * 100}%` }} />
        </div>
        <nav ref={controlsRef} className="present-controls" aria-label={t('present.label')}>
          <button
            type="button"
            className="button"
            onClick={() => setIndex(index - 1)}
            disabled={index === 0}
          >
            <span aria-hidden="true">← </span>
            {t('present.previous')}
          </button>
          <p className="present-counter">
            <span aria-hidden="true">
              {t('present.counter', { current, total: slides.length })}
            </span>
            <span className="visually-hidden">
              {t('present.counterLabel', { current, total: slides.length })}
            </span>
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setIndex(index + 1)}
            disabled={index === slides.length - 1}
          >
            {t('present.next')}
            <span aria-hidden="true"> →</span>
          </button>
          <p className="present-keys">{t('present.keys')}</p>
          <button type="button" className="button" onClick={toggleFullscreen}>
            {fullscreen ? t('present.exitFullscreen') : t('present.fullscreen')}
          </button>
          <Link
            className="button"
            to={meetingPaths.meeting(meeting.id)}
            aria-label={t('present.backLabel')}
          >
            {t('present.back')}
          </Link>
        </nav>
      </footer>
    </div>
  );
}
