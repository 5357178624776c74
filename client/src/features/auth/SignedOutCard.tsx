import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** The frame of the pages seen before signing in: the language menu, the brand, the title. */
export function SignedOutCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-language">
          <LanguageSwitch signedIn={false} />
        </div>
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            J
          </span>
          Jalon
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
