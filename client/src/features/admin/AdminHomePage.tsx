import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { managedTerritoryIds } from '@jalon/shared';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentUser } from '../auth/currentUser';
import { adminPaths } from './paths';
import { NotAllowed } from './formKit';
import './admin.css';

/** `/admin`: the administration screens the user may open, one line each. */
export function AdminHomePage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('home.title'));
  const user = useCurrentUser();
  const isAdmin = user.globalRole === 'admin';
  if (!isAdmin && managedTerritoryIds(user).length === 0) {
    return <NotAllowed backTo="/" backLabel={t('home.title')} />;
  }
  const screens = [
    ...(isAdmin
      ? [
          { to: adminPaths.users(), title: t('home.users'), text: t('home.usersText') },
          {
            to: adminPaths.territories(),
            title: t('home.territories'),
            text: t('home.territoriesText'),
          },
          { to: adminPaths.outbox(), title: t('home.outbox'), text: t('home.outboxText') },
        ]
      : []),
    {
      to: adminPaths.organisations(),
      title: t('home.organisations'),
      text: t('home.organisationsText'),
    },
  ];
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('home.title')}</h1>
          <p className="muted">{t('home.intro')}</p>
        </div>
      </header>
      <ul className="admin-home">
        {screens.map((screen) => (
          <li key={screen.to} className="panel">
            <h2>
              <Link to={screen.to}>{screen.title}</Link>
            </h2>
            <p className="muted">{screen.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
