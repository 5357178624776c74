import { useEffect, useState } from 'react';

type Health = 'checking' | 'ok' | 'unavailable';

// A placeholder page until the committee dashboard lands: it shows whether the API answers.
export function App() {
  const [health, setHealth] = useState<Health>('checking');
  useEffect(() => {
    fetch('/health')
      .then((res) => setHealth(res.ok ? 'ok' : 'unavailable'))
      .catch(() => setHealth('unavailable'));
  }, []);
  return (
    <main>
      <h1>Jalon</h1>
      <p>Suivi des plans d’actions des Territoires d’industrie.</p>
      <p role="status">
        API :{' '}
        {health === 'checking' ? 'vérification…' : health === 'ok' ? 'disponible' : 'indisponible'}
      </p>
    </main>
  );
}
