import type { ReactNode } from 'react';

export type StepState = 'pending' | 'current' | 'done' | 'failed';

/**
 * One numbered step of a long job (publishing, sending a delivery): a marker that turns into ✓ or !,
 * the step's title, and what it is now for screen readers (`stateLabel`, already translated).
 */
export function ProgressStep({
  state,
  number,
  title,
  stateLabel,
  children,
}: {
  state: StepState;
  number: number;
  title: string;
  stateLabel: string;
  children?: ReactNode;
}) {
  return (
    <li className={`step step--${state}`}>
      <span className="step__marker" aria-hidden="true">
        {state === 'done' ? '✓' : state === 'failed' ? '!' : number}
      </span>
      <div className="step__body">
        <span className="step__title">
          {title}
          <span className="visually-hidden"> — {stateLabel}</span>
        </span>
        {children}
      </div>
    </li>
  );
}
