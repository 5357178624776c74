import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ActionsView } from './ActionsView';

/** `/actions`: every action the user may read, filtered and sorted, shareable by link. */
export function ActionsPage() {
  const { t } = useTranslation('actions');
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </header>
      <section className="panel">
        <ActionsView />
      </section>
    </div>
  );
}
