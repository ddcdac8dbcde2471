import type { ComponentChildren } from 'preact';

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section class="details-section" aria-labelledby={`section-${id}`} data-section={id}>
      <h2 id={`section-${id}`}>{title}</h2>
      {children}
    </section>
  );
}
