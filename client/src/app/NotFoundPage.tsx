import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFoundPage'));
  return (
    <div className="page">
      <h1>{t('errors.notFoundPage')}</h1>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </div>
  );
}
