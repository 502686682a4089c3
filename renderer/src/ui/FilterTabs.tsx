import { type KeyboardEvent, useRef } from 'react';

interface Props<F extends string> {
  filters: readonly F[];
  filter: F;
  counts: Readonly<Record<F, number>> | null;
  /** The tablist's name, e.g. "Show orders". */
  label: string;
  /** Prefix of the tabs' ids (`<idPrefix>-tab-<filter>`) and the id of the panel they control (`<idPrefix>-panel`). */
  idPrefix: string;
  /** Each filter's visible name. */
  name(filter: F): string;
  onChange(filter: F): void;
}

/**
 * A row of filter tabs with a count each (the order desk, the retouch queue). Left and right
 * (and Home, End) move along it and choose; a count above zero stands out, except for "all".
 */
export function FilterTabs<F extends string>({ filters, filter, counts, label, idPrefix, name, onChange }: Props<F>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: KeyboardEvent, index: number) {
    const last = filters.length - 1;
    const moves: Record<string, number> = { ArrowRight: Math.min(index + 1, last), ArrowLeft: Math.max(index - 1, 0), Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    refs.current[next]?.focus();
    onChange(filters[next] as F);
  }
  return (
    <div className="order-tabs" role="tablist" aria-label={label}>
      {filters.map((f, index) => (
        <button
          key={f}
          ref={(el) => {
            refs.current[index] = el;
          }}
          id={`${idPrefix}-tab-${f}`}
          type="button"
          role="tab"
          aria-selected={f === filter}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={f === filter ? 0 : -1}
          className="order-tab"
          onClick={() => onChange(f)}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          <span>{name(f)}</span>
          <span className={`order-tab__count${(counts?.[f] ?? 0) > 0 && f !== 'all' ? ' order-tab__count--some' : ''}`}>
            {counts?.[f] ?? 0}
          </span>
        </button>
      ))}
    </div>
  );
}
