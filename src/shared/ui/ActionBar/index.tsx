// A view's primary action, always in view. On a wide screen it sticks to the top of the settings
// panel, which scrolls on its own ("panel"), or stays where the view puts it ("inline"); on a
// phone it is a bar fixed to the bottom of the screen, so the button the chart's empty state
// names is never a scroll away.
import type { ReactNode } from 'react';
import './ActionBar.css';

interface Props {
  /** What the group is, for screen readers ("Run the lottery"). */
  label: string;
  children: ReactNode;
  placement?: 'panel' | 'inline';
  className?: string;
}

export function ActionBar({ label, children, placement = 'panel', className }: Props) {
  return (
    <div className={`action-bar action-bar--${placement}${className ? ` ${className}` : ''}`} role="group" aria-label={label}>
      {children}
    </div>
  );
}

/** Words that point at the action bar where it is: the settings' top, or the screen's bottom. */
export function ActionBarWhere() {
  return (
    <>
      <span className="action-bar__where-wide">at the top of the settings</span>
      <span className="action-bar__where-narrow">in the bar at the bottom of the screen</span>
    </>
  );
}
