import { useId, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IndicatorRowOutcome, MeasurementRowOutcome, PlanRowOutcome } from '@jalon/server';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { csvExportUrl } from '../../components/CsvDownload';
import { territoryScope, useCan } from '../auth/currentUser';
import { NotAllowed } from '../admin/formKit';
import { FileChooser, ProblemList, ROWS_SHOWN, useImportFile } from './ImportFile';
import type { ImportKinds } from './importApi';
import './import.css';

type Territory = RouterOutputs['territory']['byId'];

const territoryPath = (id: number) => `/territories/${id}`;

/** What a territory's file may hold, in the order the page offers them. */
const KINDS = ['plans', 'indicators', 'measurements'] as const;
type TerritoryKind = (typeof KINDS)[number];
const isKind = (value: string | null): value is TerritoryKind =>
  (KINDS as readonly (string | null)[]).includes(value);

/**
 * `/territories/:territoryId/import?kind=plans|indicators|measurements`: a coordinator brings the
 * territory's spreadsheets into Jalon: its plan (fiches action and their actions), its indicators,
 * their measurements. Each file is checked first, row by row; nothing is written until they
 * confirm, then all of it or nothing.
 */
export function ImportTerritoryPage() {
  const { t } = useTranslation('imports');
  useDocumentTitle(t('territory.title'));
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  return (
    <div className="page import-page">
      <header className="page-header">
        <div>
          <h1>{t('territory.title')}</h1>
          {territory.data && <p className="muted">{territory.data.name}</p>}
        </div>
      </header>
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <TerritoryImport territory={data} />
          ) : (
            <NotAllowed
              backTo={territoryPath(data.id)}
              backLabel={t('territory.backToTerritory')}
            />
          )
        }
      </QueryState>
    </div>
  );
}

function TerritoryImport({ territory }: { territory: Territory }) {
  const { t, i18n } = useTranslation('imports');
  const legendId = useId();
  const [params, setParams] = useSearchParams();
  const requested = params.get('kind');
  // The choice shows at once; the address follows, so it can be shared or reloaded.
  const [kind, setKind] = useState<TerritoryKind>(isKind(requested) ? requested : 'plans');
  return (
    <>
      <section className="panel">
        <fieldset className="import-kinds" aria-describedby={legendId}>
          <legend id={legendId}>{t('territory.kindLegend')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="import-kind">
              <input
                type="radio"
                name="import-kind"
                value={k}
                checked={k === kind}
                onChange={() => {
                  setKind(k);
                  setParams({ kind: k }, { replace: true });
                }}
              />
              {t(`territory.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <p>{t(`${kind}.intro`)}</p>
        <p>
          {t('territory.columnsByName')}{' '}
          {t('territory.defaultTerritory', { territory: territory.name })}
        </p>
        <p>
          <a
            className="button button-small"
            href={csvExportUrl(`${kind}-template`, {}, i18n.language, 'xlsx')}
            download
          >
            {t('territory.template')}
          </a>
        </p>
      </section>
      {/* A new kind starts afresh: no file, no preview. */}
      <KindImport key={kind} kind={kind} territory={territory} />
    </>
  );
}

/** What a kind's preview says: its sentences, its table's columns and rows. */
interface KindView<K extends TerritoryKind> {
  summary: (preview: ImportKinds[K]['preview']) => string;
  /** What was written, once it was. */
  done: (result: ImportKinds[K]['result']) => string;
  apply: (preview: ImportKinds[K]['preview']) => string;
  /** Why nothing will be written, when nothing will. */
  blocked: (preview: ImportKinds[K]['preview']) => string | null;
  /** What to say when the file is fine but holds nothing new. */
  nothingNew?: (preview: ImportKinds[K]['preview']) => string | null;
  caption: string;
  headers: string[];
  /** The rows the table lists (a measurement already recorded is only counted). */
  listed: (preview: ImportKinds[K]['preview']) => ReactNode[];
}

/** Choosing a file of `kind`, its preview (summary, confirmation, rows), then the import. */
function KindImport<K extends TerritoryKind>({
  kind,
  territory,
}: {
  kind: K;
  territory: Territory;
}) {
  const { t } = useTranslation('imports');
  const flow = useImportFile({ kind, territoryId: territory.id });
  const views = useKindViews();
  const view = views[kind] as KindView<K>;
  const { preview, apply } = flow;
  const result = apply.data?.written ? apply.data : undefined;
  const listed = preview ? view.listed(preview) : [];
  const rows = listed.slice(0, ROWS_SHOWN);
  const blocked = preview ? view.blocked(preview) : null;
  const nothingNew = preview ? (view.nothingNew?.(preview) ?? null) : null;
  return (
    <>
      <section className="panel">
        <FileChooser flow={flow} />
      </section>
      {preview && (
        <section className="panel import-preview" aria-labelledby="import-summary">
          <p id="import-summary" className="import-summary">
            {view.summary(preview)}
          </p>
          {preview.columns.ignored.length > 0 && (
            <p className="muted">{t('ignored', { columns: preview.columns.ignored.join(', ') })}</p>
          )}
          {result ? (
            <div role="status" className="import-done">
              <p>{view.done(result)}</p>
              <p>
                <Link to={territoryPath(territory.id)}>{t('territory.backToTerritory')}</Link>
              </p>
            </div>
          ) : blocked !== null ? (
            <p role="alert" className="import-error">
              {blocked}
            </p>
          ) : nothingNew !== null ? (
            <p>{nothingNew}</p>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={flow.confirm}
              disabled={apply.isPending}
            >
              {view.apply(preview)}
            </button>
          )}
          {rows.length > 0 && (
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-labelledby="import-table-caption"
            >
              <table className="import-table">
                <caption id="import-table-caption">{view.caption}</caption>
                <thead>
                  <tr>
                    {view.headers.map((header) => (
                      <th key={header} scope="col">
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
          )}
          {listed.length > rows.length && (
            <p className="muted">{t('more', { count: listed.length - rows.length })}</p>
          )}
        </section>
      )}
    </>
  );
}

/** Nothing is written from a file with a refused row, or with no row. */
const blockedWhy = (
  preview: { applicable: boolean; counts: { rows: number } },
  refused: string,
  empty: string,
): string | null => (preview.applicable ? null : preview.counts.rows === 0 ? empty : refused);

/** How each kind's preview reads, in the user's language. */
function useKindViews(): { [K in TerritoryKind]: KindView<K> } {
  const { t } = useTranslation('imports');
  const plans = (counts: { plans: number; actions: number }) => ({
    plans: t('plans.plansCount', { count: counts.plans }),
    actions: t('plans.actionsCount', { count: counts.actions }),
  });
  const columns = (...middle: string[]) => [
    t('columns.line'),
    ...middle,
    t('columns.outcome'),
    t('columns.detail'),
  ];
  return {
    plans: {
      summary: (preview) => t('plans.summary', { ...preview.counts }),
      done: (result) => t('plans.done', plans(result)),
      apply: (preview) => t('plans.apply', plans(preview.counts)),
      blocked: (preview) => blockedWhy(preview, t('plans.blocked'), t('noRows')),
      caption: t('plans.tableCaption'),
      headers: columns(t('plans.columns.plan'), t('columns.action')),
      listed: (preview) => preview.rows.map((row) => <PlanPreviewRow key={row.line} row={row} />),
    },
    indicators: {
      summary: (preview) => t('indicators.summary', { ...preview.counts }),
      done: (result) => t('indicators.done', { count: result.created }),
      apply: (preview) => t('indicators.apply', { count: preview.counts.create }),
      blocked: (preview) => blockedWhy(preview, t('indicators.blocked'), t('noRows')),
      caption: t('indicators.tableCaption'),
      headers: columns(t('indicators.columns.indicator'), t('indicators.columns.place')),
      listed: (preview) =>
        preview.rows.map((row) => <IndicatorPreviewRow key={row.line} row={row} />),
    },
    measurements: {
      summary: (preview) => t('measurements.summary', { ...preview.counts }),
      done: (result) => t('measurements.done', { count: result.created }),
      apply: (preview) => t('measurements.apply', { count: preview.counts.create }),
      blocked: (preview) => blockedWhy(preview, t('measurements.blocked'), t('noRows')),
      nothingNew: (preview) => (preview.counts.create === 0 ? t('measurements.nothingToDo') : null),
      caption: t('measurements.tableCaption'),
      headers: columns(t('indicators.columns.indicator'), t('indicators.columns.place')),
      listed: (preview) =>
        preview.rows
          .filter((row) => row.outcome !== 'unchanged')
          .map((row) => <MeasurementPreviewRow key={row.line} row={row} />),
    },
  };
}

/** A refused row: its number, what it names, and why. */
function RefusedRow({
  line,
  cells,
  problems,
}: {
  line: number;
  cells: (string | null)[];
  problems: Parameters<typeof ProblemList>[0]['problems'];
}) {
  const { t } = useTranslation('imports');
  return (
    <tr className="import-row import-refused">
      <td>{line}</td>
      {cells.map((cell, i) => (
        <td key={i}>{cell}</td>
      ))}
      <td className="import-outcome">{t('outcome.refused')}</td>
      <td>
        <ProblemList problems={problems} />
      </td>
    </tr>
  );
}

// ---- Plans and their actions ------------------------------------------------------------------

function PlanPreviewRow({ row }: { row: PlanRowOutcome }) {
  const { t } = useTranslation(['imports', 'vocab']);
  if (row.outcome === 'refused') {
    return (
      <RefusedRow line={row.line} cells={[row.planCode, row.action]} problems={row.problems} />
    );
  }
  return (
    <tr className="import-row import-create">
      <td>{row.line}</td>
      <td>{t('imports:plans.planCell', { code: row.planCode, title: row.planTitle })}</td>
      <td>{row.action ?? t('imports:plans.planOnly')}</td>
      <td>
        {t(
          row.newPlan
            ? row.action === null
              ? 'imports:plans.outcome.newPlan'
              : 'imports:plans.outcome.newPlanAndAction'
            : 'imports:plans.outcome.newAction',
        )}
      </td>
      <td>{row.stage && t(`vocab:stageKind.${row.stage}`)}</td>
    </tr>
  );
}

// ---- Indicators -------------------------------------------------------------------------------

function IndicatorPreviewRow({ row }: { row: IndicatorRowOutcome }) {
  const { t } = useTranslation('imports');
  const place = row.planCode ?? t('indicators.territoryWide');
  if (row.outcome === 'refused') {
    return <RefusedRow line={row.line} cells={[row.name, place]} problems={row.problems} />;
  }
  return (
    <tr className="import-row import-create">
      <td>{row.line}</td>
      <td>{row.name}</td>
      <td>{place}</td>
      <td>{t('indicators.outcome.create')}</td>
      <td>{t('indicators.unit', { unit: row.unit })}</td>
    </tr>
  );
}

// ---- Measurements -----------------------------------------------------------------------------

function MeasurementPreviewRow({ row }: { row: MeasurementRowOutcome }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const place = row.planCode ?? t('indicators.territoryWide');
  if (row.outcome === 'refused') {
    return <RefusedRow line={row.line} cells={[row.indicator, place]} problems={row.problems} />;
  }
  return (
    <tr className="import-row import-create">
      <td>{row.line}</td>
      <td>{row.indicator}</td>
      <td>{place}</td>
      <td>{t(`measurements.outcome.${row.outcome}`)}</td>
      <td>
        {t('measurements.detail', {
          date: format.date(row.measuredOn),
          value: format.number(row.value, 2),
        })}
      </td>
    </tr>
  );
}
