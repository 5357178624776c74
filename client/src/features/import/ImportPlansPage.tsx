import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanImportPreview, PlanRowOutcome } from '@jalon/server';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { csvExportUrl } from '../../components/CsvDownload';
import { territoryScope, useCan } from '../auth/currentUser';
import { NotAllowed } from '../admin/formKit';
import { FileChooser, ProblemList, ROWS_SHOWN, useImportFile } from './ImportFile';
import './import.css';

type Territory = RouterOutputs['territory']['byId'];

const territoryPath = (id: number) => `/territories/${id}`;

/**
 * `/territories/:territoryId/plans/import`: a coordinator brings the territory's plan spreadsheet
 * into Jalon, from the template or their own file: new fiches action with their actions. The file
 * is checked first, row by row; nothing is created until they confirm, then all of it or nothing.
 */
export function ImportPlansPage() {
  const { t } = useTranslation('imports');
  useDocumentTitle(t('plans.title'));
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  return (
    <div className="page import-page">
      <header className="page-header">
        <div>
          <h1>{t('plans.title')}</h1>
          {territory.data && <p className="muted">{territory.data.name}</p>}
        </div>
      </header>
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <PlansImport territory={data} />
          ) : (
            <NotAllowed backTo={territoryPath(data.id)} backLabel={t('plans.backToTerritory')} />
          )
        }
      </QueryState>
    </div>
  );
}

function PlansImport({ territory }: { territory: Territory }) {
  const { t, i18n } = useTranslation('imports');
  const flow = useImportFile({ kind: 'plans', territoryId: territory.id });
  const { preview, apply } = flow;
  return (
    <>
      <section className="panel">
        <p>{t('plans.intro')}</p>
        <p>{t('plans.howTo', { territory: territory.name })}</p>
        <p>
          <a
            className="button button-small"
            href={csvExportUrl('plans-template', {}, i18n.language, 'xlsx')}
            download
          >
            {t('plans.template')}
          </a>
        </p>
        <FileChooser flow={flow} />
      </section>
      {preview && (
        <PlansPreview
          preview={preview}
          territory={territory}
          written={apply.data?.written === true ? apply.data : null}
          applying={apply.isPending}
          onApply={flow.confirm}
        />
      )}
    </>
  );
}

function PlansPreview({
  preview,
  territory,
  written,
  applying,
  onApply,
}: {
  preview: PlanImportPreview;
  territory: Territory;
  written: { plans: number; actions: number } | null;
  applying: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation('imports');
  const shown = preview.rows.slice(0, ROWS_SHOWN);
  const what = (counts: { plans: number; actions: number }) => ({
    plans: t('plans.plansCount', { count: counts.plans }),
    actions: t('plans.actionsCount', { count: counts.actions }),
  });
  return (
    <section className="panel import-preview" aria-labelledby="import-summary">
      <p id="import-summary" className="import-summary">
        {t('plans.summary', { ...preview.counts })}
      </p>
      {preview.columns.ignored.length > 0 && (
        <p className="muted">{t('ignored', { columns: preview.columns.ignored.join(', ') })}</p>
      )}
      {written !== null ? (
        <div role="status" className="import-done">
          <p>{t('plans.done', what(written))}</p>
          <p>
            <Link to={territoryPath(territory.id)}>{t('plans.backToTerritory')}</Link>
          </p>
        </div>
      ) : preview.applicable ? (
        <button
          type="button"
          className="button button-primary"
          onClick={onApply}
          disabled={applying}
        >
          {t('plans.apply', what(preview.counts))}
        </button>
      ) : (
        <p role="alert" className="import-error">
          {preview.counts.rows === 0 ? t('plans.noRows') : t('plans.blocked')}
        </p>
      )}
      {shown.length > 0 && (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="import-table-caption"
        >
          <table className="import-table">
            <caption id="import-table-caption">{t('plans.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.line')}</th>
                <th scope="col">{t('plans.columns.plan')}</th>
                <th scope="col">{t('columns.action')}</th>
                <th scope="col">{t('columns.outcome')}</th>
                <th scope="col">{t('columns.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <PlanPreviewRow key={row.line} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.rows.length > shown.length && (
        <p className="muted">{t('more', { count: preview.rows.length - shown.length })}</p>
      )}
    </section>
  );
}

function PlanPreviewRow({ row }: { row: PlanRowOutcome }) {
  const { t } = useTranslation(['imports', 'vocab']);
  if (row.outcome === 'refused') {
    return (
      <tr className="import-row import-refused">
        <td>{row.line}</td>
        <td>{row.planCode}</td>
        <td>{row.action}</td>
        <td className="import-outcome">{t('imports:outcome.refused')}</td>
        <td>
          <ProblemList problems={row.problems} />
        </td>
      </tr>
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
