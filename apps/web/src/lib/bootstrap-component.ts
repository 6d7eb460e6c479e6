/** Bootstrap's components with show/hide transitions that React code runs (Modal, Offcanvas). */
interface ComponentClass<T> {
  readonly EVENT_KEY: string;
  getOrCreateInstance(element: Element): T;
}

interface Disposable {
  dispose(): void;
}

export type TransitionPhase = 'hidden' | 'showing' | 'shown' | 'hiding';

export interface AttachedComponent<T> {
  instance: T;
  phase(): TransitionPhase;
  /**
   * Disposes the component now, or, during a transition, once it has ended: Bootstrap cannot
   * cancel the steps it has queued, and they throw on a disposed component. `afterDispose` runs
   * after the disposal either way.
   */
  dispose(afterDispose?: () => void): void;
}

const settling = new Set<Promise<void>>();

/**
 * Bootstrap's `Component` for `element`, followed through its transitions by Bootstrap's events
 * (`show`, `shown`, `hide`, `hidden`). `onSettled` runs at the end of each transition while the
 * component is attached. Folio cancels none of these events; one that another listener cancelled
 * before this one saw it starts no transition.
 */
export function attachComponent<T extends Disposable>(
  Component: ComponentClass<T>,
  element: HTMLElement,
  onSettled?: (phase: 'shown' | 'hidden') => void,
): AttachedComponent<T> {
  const instance = Component.getOrCreateInstance(element);
  let phase: TransitionPhase = 'hidden';
  let ended: (() => void) | null = null;

  const phases: Record<string, TransitionPhase> = {
    [`show${Component.EVENT_KEY}`]: 'showing',
    [`shown${Component.EVENT_KEY}`]: 'shown',
    [`hide${Component.EVENT_KEY}`]: 'hiding',
    [`hidden${Component.EVENT_KEY}`]: 'hidden',
  };
  const follow = (event: Event) => {
    // Nested components' events bubble up with the same names.
    if (event.target !== element || event.defaultPrevented) return;
    phase = phases[event.type]!;
    if (phase !== 'shown' && phase !== 'hidden') return;
    if (ended) ended();
    else onSettled?.(phase);
  };
  for (const type of Object.keys(phases)) element.addEventListener(type, follow);

  function dispose(afterDispose?: () => void) {
    const finish = () => {
      for (const type of Object.keys(phases)) element.removeEventListener(type, follow);
      instance.dispose();
      afterDispose?.();
    };
    if (phase === 'hidden' || phase === 'shown') {
      finish();
      return;
    }
    settling.add(
      new Promise<void>((resolve) => {
        ended = () => {
          finish();
          resolve();
        };
      }),
    );
  }

  return { instance, phase: () => phase, dispose };
}

/**
 * Resolves once every component disposed during a transition has finished it and been disposed,
 * so that nothing Bootstrap queued outlives a test.
 */
export async function componentsSettled(): Promise<void> {
  while (settling.size > 0) {
    const pending = [...settling];
    await Promise.all(pending);
    for (const promise of pending) settling.delete(promise);
  }
}

/** Undoes Bootstrap's scroll lock on <body> when a component went away while it held it. */
export function releaseBody(): void {
  document.body.classList.remove('modal-open');
  document.body.style.removeProperty('overflow');
  document.body.style.removeProperty('padding-right');
}
