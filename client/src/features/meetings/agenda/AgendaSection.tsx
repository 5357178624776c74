import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../lib/trpc';
import { useErrorText } from '../../../components/QueryState';
import type { AgendaItem, MeetingAccess, MeetingDetail } from '../meetingAccess';
import { LinkedTo, LinkPicker, NO_LINKS, type PlanLinks } from '../links';
import { EditFormFooter } from '../EditFormFooter';

/**
 * The agenda: its items in order, and for a coordinator while the meeting is editable, the tools
 * to add, edit, delete and reorder them. `tools` holds further panels for the coordinator (the
 * agenda proposals); they render above the add form.
 */
export function AgendaSection({
  meeting,
  access,
  tools,
}: {
  meeting: MeetingDetail;
  access: MeetingAccess;
  tools?: ReactNode;
}) {
  const { t } = useTranslation('meetings');
  const items = meeting.agenda;
  const reorder = useReorder(meeting);
  return (
    <section className="panel meeting-agenda" aria-labelledby="meeting-agenda-heading">
      <div className="panel-header">
        <h2 id="meeting-agenda-heading">{t('agenda.heading')}</h2>
        <span className="muted small">{t('agenda.count', { count: items.length })}</span>
      </div>
      {items.length === 0 ? (
        <p className="state state-empty">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, index) => (
            <AgendaRow
              key={item.id}
              item={item}
              index={index}
              last={index === items.length - 1}
              edit={access.edit}
              onMove={(delta, focusKey) => reorder.move(item.id, delta, focusKey)}
              moving={reorder.pending}
            />
          ))}
        </ol>
      )}
      {reorder.error && (
        <p className="form-error" role="alert">
          {reorder.error}
        </p>
      )}
      {access.edit && (
        <div className="agenda-tools no-print">
          {tools}
          <AddAgendaItem meeting={meeting} />
        </div>
      )}
    </section>
  );
}

/** Moves an item one place up or down, keeping focus on the button that moved it. */
function useReorder(meeting: MeetingDetail) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const focusAfter = useRef<string | null>(null);
  const reorder = useMutation(
    trpc.agenda.reorder.mutationOptions({
      onSuccess: (agenda) => {
        queryClient.setQueryData(trpc.meeting.byId.queryKey({ id: meeting.id }), (old) =>
          old ? { ...old, agenda } : old,
        );
      },
    }),
  );
  useEffect(() => {
    const key = focusAfter.current;
    if (!key || reorder.isPending) return;
    focusAfter.current = null;
    const button = document.querySelector<HTMLButtonElement>(`[data-move="${key}"]`);
    // At the top or the bottom the button just used is disabled: its twin takes the focus.
    const [itemId, direction] = key.split(':');
    const twin = document.querySelector<HTMLButtonElement>(
      `[data-move="${itemId}:${direction === 'up' ? 'down' : 'up'}"]`,
    );
    (button && !button.disabled ? button : twin)?.focus();
  });
  return {
    pending: reorder.isPending,
    error: reorder.error ? errorText(reorder.error) : null,
    move(itemId: number, delta: -1 | 1, focusKey: string) {
      const ids = meeting.agenda.map((i) => i.id);
      const from = ids.indexOf(itemId);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to] ?? itemId, itemId];
      focusAfter.current = focusKey;
      reorder.mutate({ meetingId: meeting.id, itemIds: ids });
    },
  };
}

function AgendaRow({
  item,
  index,
  last,
  edit,
  onMove,
  moving,
}: {
  item: AgendaItem;
  index: number;
  last: boolean;
  edit: boolean;
  onMove: (delta: -1 | 1, focusKey: string) => void;
  moving: boolean;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const [editing, setEditing] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.agenda.delete.mutationOptions({
      // The proposals say which items are already on the agenda: they change too.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.meeting.pathFilter()),
          queryClient.invalidateQueries(trpc.agenda.pathFilter()),
        ]),
    }),
  );

  if (editing) {
    return (
      <li className="agenda-item">
        <span className="agenda-number" aria-hidden="true">
          {index + 1}.
        </span>
        <EditAgendaItem item={item} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="agenda-item">
      <span className="agenda-number" aria-hidden="true">
        {index + 1}.
      </span>
      <div className="agenda-body">
        <p className="agenda-title">{item.title}</p>
        <LinkedTo
          planId={item.planId}
          planCode={item.planCode}
          stageId={item.stageId}
          actionId={item.actionId}
          actionTitle={item.actionTitle}
        />
        {item.notes && <p className="agenda-notes">{item.notes}</p>}
        {remove.error && (
          <p className="form-error" role="alert">
            {errorText(remove.error)}
          </p>
        )}
      </div>
      {edit && (
        <div className="agenda-controls no-print">
          <button
            type="button"
            className="button button-small button-quiet"
            data-move={`${item.id}:up`}
            disabled={index === 0 || moving}
            aria-label={t('agenda.moveUp', { title: item.title })}
            onClick={() => onMove(-1, `${item.id}:up`)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            data-move={`${item.id}:down`}
            disabled={last || moving}
            aria-label={t('agenda.moveDown', { title: item.title })}
            onClick={() => onMove(1, `${item.id}:down`)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={t('agenda.editItem', { title: item.title })}
            onClick={() => setEditing(true)}
          >
            {tc('fields.edit')}
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label={t('agenda.deleteItem', { title: item.title })}
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: item.id })}
          >
            {tc('fields.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

function EditAgendaItem({ item, onDone }: { item: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation('meetings');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [title, setTitle] = useState(item.title);
  const [notes, setNotes] = useState(item.notes);
  const [missingTitle, setMissingTitle] = useState(false);
  const update = useMutation(
    trpc.agenda.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        onDone();
      },
    }),
  );
  const prefix = `agenda-edit-${item.id}`;
  return (
    <form
      className="agenda-form agenda-body"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissingTitle(title.trim() === '');
        if (title.trim() === '') return;
        update.mutate({ id: item.id, title, notes });
      }}
    >
      <TitleField
        id={`${prefix}-title`}
        value={title}
        onChange={setTitle}
        missing={missingTitle}
        autoFocus
      />
      <div className="field">
        <label htmlFor={`${prefix}-notes`}>{t('agenda.notes')}</label>
        <textarea
          id={`${prefix}-notes`}
          value={notes}
          maxLength={4000}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <EditFormFooter
        error={update.error && errorText(update.error)}
        pending={update.isPending}
        onCancel={onDone}
      />
    </form>
  );
}

function TitleField({
  id,
  value,
  onChange,
  missing,
  autoFocus = false,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  missing: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('meetings');
  return (
    <div className="field">
      <label htmlFor={id}>{t('agenda.title')}</label>
      <input
        id={id}
        value={value}
        maxLength={300}
        required
        // Opened on purpose by the coordinator's "Edit": the field they asked for.
        autoFocus={autoFocus}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {missing && (
        <p id={`${id}-error`} className="field-error">
          {t('agenda.titleRequired')}
        </p>
      )}
    </div>
  );
}

function AddAgendaItem({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [links, setLinks] = useState<PlanLinks>(NO_LINKS);
  const [missingTitle, setMissingTitle] = useState(false);
  const create = useMutation(
    trpc.agenda.create.mutationOptions({
      onSuccess: async () => {
        setTitle('');
        setNotes('');
        setLinks(NO_LINKS);
        await Promise.all([
          queryClient.invalidateQueries(trpc.meeting.pathFilter()),
          queryClient.invalidateQueries(trpc.agenda.pathFilter()),
        ]);
      },
    }),
  );
  return (
    <form
      className="agenda-form agenda-add"
      aria-labelledby="agenda-add-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissingTitle(title.trim() === '');
        if (title.trim() === '') return;
        create.mutate({ meetingId: meeting.id, title, notes, ...links });
      }}
    >
      <h3 id="agenda-add-heading">{t('agenda.add')}</h3>
      <TitleField id="agenda-add-title" value={title} onChange={setTitle} missing={missingTitle} />
      <div className="field">
        <label htmlFor="agenda-add-notes">{t('agenda.notes')}</label>
        <textarea
          id="agenda-add-notes"
          value={notes}
          maxLength={4000}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <LinkPicker
        territoryId={meeting.territoryId}
        value={links}
        onChange={setLinks}
        idPrefix="agenda-add"
      />
      {create.error && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? tc('state.saving') : t('agenda.addButton')}
      </button>
    </form>
  );
}
