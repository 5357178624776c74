import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { territoryScope, useCan } from '../auth/currentUser';
import { adminPaths } from '../admin/paths';

/**
 * Who carries the territory and what it is made of: the binôme (an elected official and an
 * industrialist), the chef de projet, the member EPCIs and the key figures. Its coordinators edit it.
 */
export function TerritoryIdentity({ territoryId }: { territoryId: number }) {
  const { t } = useTranslation('story');
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const headingId = useId();
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  if (!territory.data) return null;
  const data = territory.data;
  const unknown = t('identity.unknown');
  return (
    <section className="panel territory-identity" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{t('identity.title')}</h2>
        {can('manage', territoryScope(data)) && (
          <Link className="button button-small" to={adminPaths.editTerritory(data.id)}>
            {t('identity.edit')}
          </Link>
        )}
      </div>
      <div className="identity-grid">
        <dl className="identity-facts">
          <dt>{t('identity.electedChair')}</dt>
          <dd>{data.electedChair ?? unknown}</dd>
          <dt>{t('identity.industrialChair')}</dt>
          <dd>{data.industrialChair ?? unknown}</dd>
          <dt>{t('identity.projectLead')}</dt>
          <dd>{data.projectLeadName ?? unknown}</dd>
          <dt>{t('identity.joinedOn')}</dt>
          <dd>{data.joinedOn ? format.date(data.joinedOn) : unknown}</dd>
          <dt>{t('identity.phase')}</dt>
          <dd>{data.phase}</dd>
          <dt>{t('identity.industrialFirms')}</dt>
          <dd>{data.industrialFirms === null ? unknown : format.number(data.industrialFirms)}</dd>
          <dt>{t('identity.industrialJobs')}</dt>
          <dd>{data.industrialJobs === null ? unknown : format.number(data.industrialJobs)}</dd>
        </dl>
        <div className="identity-epcis">
          <h3>{t('identity.epcis', { count: data.epcis.length })}</h3>
          {data.epcis.length === 0 ? (
            <p className="muted">{t('identity.noEpci')}</p>
          ) : (
            <ul>
              {data.epcis.map((epci) => (
                <li key={epci.id}>{epci.name}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** One line under the territory's name: who chairs it and who runs the project. */
export function IdentityLine({ territoryId }: { territoryId: number }) {
  const { t } = useTranslation('story');
  const trpc = useTRPC();
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  const data = territory.data;
  if (!data) return null;
  const binome = [data.electedChair, data.industrialChair].filter((name) => name !== null);
  if (binome.length === 0 && data.projectLeadName === null) return null;
  return (
    <p className="muted identity-line">
      {binome.length > 0 && t('identity.line.binome', { names: binome.join(' · ') })}
      {binome.length > 0 && data.projectLeadName !== null && ' — '}
      {data.projectLeadName !== null &&
        t('identity.line.projectLead', { name: data.projectLeadName })}
    </p>
  );
}
