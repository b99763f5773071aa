import { useId } from 'react';
import type { ReactNode } from 'react';

/** The framed block every screen is built from: a titled region with its own scroll. */
export function Panel({ title, aside, className, children }: { title: string; aside?: ReactNode; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <header className="panel__head">
        <h2 className="panel__title" id={headingId}>
          {title}
        </h2>
        {aside}
      </header>
      {/* Focusable, so a keyboard can scroll a panel whose list runs past its frame. */}
      <div className="panel__body" tabIndex={0}>
        {children}
      </div>
    </section>
  );
}
