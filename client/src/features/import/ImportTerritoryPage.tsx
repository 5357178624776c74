import { useId, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  IndicatorImportPreview,
  IndicatorRowOutcome,
  MeasurementImportPreview,
  MeasurementRowOutcome,
  PlanImportPreview,
  PlanRowOutcome,
} from '@jalon/server';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { csvExportUrl } from '../../components/CsvDownload';
import { territoryScope, useCan } from '../auth/currentUser';
import { NotAllowed } from '../admin/formKit';
import { FileChooser, ProblemList, ROWS_SHOWN, useImportFile } from './ImportFile';
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
      {kind === 'plans' && <PlansImport key="plans" territory={territory} />}
      {kind === 'indicators' && <IndicatorsImport key="indicators" territory={territory} />}
      {kind === 'measurements' && <MeasurementsImport key="measurements" territory={territory} />}
    </>
  );
}

/** The summary, the confirmation (or why there is none) and the rows of a preview. */
function PreviewFrame({
  summary,
  ignored,
  done,
  apply,
  blocked,
  caption,
  headers,
  rows,
  total,
  territory,
}: {
  summary: string;
  ignored: string[];
  /** What was written, once it was. */
  done: string | null;
  /** The confirmation button, when the file can be written. */
  apply: ReactNode;
  /** Why nothing can be written, when it cannot. */
  blocked: string | null;
  caption: string;
  headers: string[];
  rows: ReactNode[];
  total: number;
  territory: Territory;
}) {
  const { t } = useTranslation('imports');
  return (
    <section className="panel import-preview" aria-labelledby="import-summary">
      <p id="import-summary" className="import-summary">
        {summary}
      </p>
      {ignored.length > 0 && (
        <p className="muted">{t('ignored', { columns: ignored.join(', ') })}</p>
      )}
      {done !== null ? (
        <div role="status" className="import-done">
          <p>{done}</p>
          <p>
            <Link to={territoryPath(territory.id)}>{t('territory.backToTerritory')}</Link>
          </p>
        </div>
      ) : blocked !== null ? (
        <p role="alert" className="import-error">
          {blocked}
        </p>
      ) : (
        apply
      )}
      {rows.length > 0 && (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="import-table-caption"
        >
          <table className="import-table">
            <caption id="import-table-caption">{caption}</caption>
            <thead>
              <tr>
                {headers.map((header) => (
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
      {total > rows.length && <p className="muted">{t('more', { count: total - rows.length })}</p>}
    </section>
  );
}

function ApplyButton({
  label,
  onClick,
  busy,
}: {
  label: string;
  onClick: () => void;
  busy: boolean;
}) {
  return (
    <button type="button" className="button button-primary" onClick={onClick} disabled={busy}>
      {label}
    </button>
  );
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

function PlansImport({ territory }: { territory: Territory }) {
  const { t } = useTranslation('imports');
  const flow = useImportFile({ kind: 'plans', territoryId: territory.id });
  const { preview, apply } = flow;
  const what = (counts: { plans: number; actions: number }) => ({
    plans: t('plans.plansCount', { count: counts.plans }),
    actions: t('plans.actionsCount', { count: counts.actions }),
  });
  return (
    <>
      <section className="panel">
        <FileChooser flow={flow} />
      </section>
      {preview && (
        <PreviewFrame
          territory={territory}
          summary={t('plans.summary', { ...preview.counts })}
          ignored={preview.columns.ignored}
          done={apply.data?.written ? t('plans.done', what(apply.data)) : null}
          blocked={blockedWhy(preview, t('plans.blocked'), t('noRows'))}
          apply={
            <ApplyButton
              label={t('plans.apply', what(preview.counts))}
              onClick={flow.confirm}
              busy={apply.isPending}
            />
          }
          caption={t('plans.tableCaption')}
          headers={[
            t('columns.line'),
            t('plans.columns.plan'),
            t('columns.action'),
            t('columns.outcome'),
            t('columns.detail'),
          ]}
          rows={preview.rows.slice(0, ROWS_SHOWN).map((row) => (
            <PlanPreviewRow key={row.line} row={row} />
          ))}
          total={preview.rows.length}
        />
      )}
    </>
  );
}

const blockedWhy = (
  preview: PlanImportPreview | IndicatorImportPreview | MeasurementImportPreview,
  refused: string,
  empty: string,
): string | null => (preview.applicable ? null : preview.counts.rows === 0 ? empty : refused);

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

function IndicatorsImport({ territory }: { territory: Territory }) {
  const { t } = useTranslation('imports');
  const flow = useImportFile({ kind: 'indicators', territoryId: territory.id });
  const { preview, apply } = flow;
  return (
    <>
      <section className="panel">
        <FileChooser flow={flow} />
      </section>
      {preview && (
        <PreviewFrame
          territory={territory}
          summary={t('indicators.summary', { ...preview.counts })}
          ignored={preview.columns.ignored}
          done={apply.data?.written ? t('indicators.done', { count: apply.data.created }) : null}
          blocked={blockedWhy(preview, t('indicators.blocked'), t('noRows'))}
          apply={
            <ApplyButton
              label={t('indicators.apply', { count: preview.counts.create })}
              onClick={flow.confirm}
              busy={apply.isPending}
            />
          }
          caption={t('indicators.tableCaption')}
          headers={[
            t('columns.line'),
            t('indicators.columns.indicator'),
            t('indicators.columns.place'),
            t('columns.outcome'),
            t('columns.detail'),
          ]}
          rows={preview.rows.slice(0, ROWS_SHOWN).map((row) => (
            <IndicatorPreviewRow key={row.line} row={row} />
          ))}
          total={preview.rows.length}
        />
      )}
    </>
  );
}

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

function MeasurementsImport({ territory }: { territory: Territory }) {
  const { t } = useTranslation('imports');
  const flow = useImportFile({ kind: 'measurements', territoryId: territory.id });
  const { preview, apply } = flow;
  const listed = preview?.rows.filter((row) => row.outcome !== 'unchanged') ?? [];
  return (
    <>
      <section className="panel">
        <FileChooser flow={flow} />
      </section>
      {preview && (
        <PreviewFrame
          territory={territory}
          summary={t('measurements.summary', { ...preview.counts })}
          ignored={preview.columns.ignored}
          done={apply.data?.written ? t('measurements.done', { count: apply.data.created }) : null}
          blocked={
            blockedWhy(preview, t('measurements.blocked'), t('noRows')) ??
            (preview.counts.create === 0 ? t('measurements.nothingToDo') : null)
          }
          apply={
            <ApplyButton
              label={t('measurements.apply', { count: preview.counts.create })}
              onClick={flow.confirm}
              busy={apply.isPending}
            />
          }
          caption={t('measurements.tableCaption')}
          headers={[
            t('columns.line'),
            t('indicators.columns.indicator'),
            t('indicators.columns.place'),
            t('columns.outcome'),
            t('columns.detail'),
          ]}
          rows={listed.slice(0, ROWS_SHOWN).map((row) => (
            <MeasurementPreviewRow key={row.line} row={row} />
          ))}
          total={listed.length}
        />
      )}
    </>
  );
}

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
