import type { ReactNode } from 'react';

/** The id of a card's heading: where focus goes when the card becomes the next thing to read. */
export const headingId = (id: string) => `${id}-heading`;

/** One step of the page: a labelled section whose heading can take focus (tabIndex -1). */
export function Card(props: { id: string; title: string; step?: number; state?: string; children: ReactNode }) {
  return (
    <section className="pg-card" aria-labelledby={headingId(props.id)} data-section={props.id} data-state={props.state}>
      <h2 id={headingId(props.id)} tabIndex={-1}>
        {props.step !== undefined && <span className="pg-step">{props.step}. </span>}
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** Moves focus to a card's heading, e.g. when the button that had it went away. */
export function focusCard(id: string): void {
  document.getElementById(headingId(id))?.focus();
}
