import Modal from 'bootstrap/js/dist/modal';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject, TouchEvent } from 'react';
import { attachComponent, releaseBody } from '../../../lib/bootstrap-component';
import type { AttachedComponent } from '../../../lib/bootstrap-component';
import { useI18n } from '../../../lib/i18n';

interface Picture {
  src: string;
  alt: string;
}

/** How far a finger must travel sideways to turn to the next or previous picture. */
const SWIPE_PX = 40;

/**
 * Opens the pictures of a blog's text (`.blog-content img` under `root`, not those inside a
 * link) in a dialog run by Bootstrap's Modal (focus trap, Escape, backdrop), one at a time:
 * the arrow keys and a sideways swipe turn to the next or previous. Each picture is reached by
 * Tab and opened by Enter or Space too. `content` is what the pictures come from: when it
 * changes, they are looked for again.
 */
export function ContentLightbox({
  root,
  content,
}: {
  root: RefObject<HTMLElement | null>;
  content: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const modal = useRef<AttachedComponent<Modal> | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const touchX = useRef<number | null>(null);
  const [pictures, setPictures] = useState<Picture[]>([]);
  const [index, setIndex] = useState<number | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const attached = attachComponent(Modal, element, (phase) => {
      if (phase !== 'hidden') return;
      setIndex(null);
      // Back where the reader was: the picture that opened it.
      opener.current?.focus();
    });
    modal.current = attached;
    return () => {
      modal.current = null;
      attached.dispose(() => {
        if (element.parentElement === document.body) element.remove();
        document.querySelectorAll('.modal-backdrop').forEach((backdrop) => backdrop.remove());
        releaseBody();
      });
    };
  }, []);

  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const images = [...container.querySelectorAll<HTMLImageElement>('.blog-content img')].filter(
      (img) => !img.closest('a'),
    );
    for (const img of images) {
      img.tabIndex = 0;
      img.classList.add('lightbox-image');
      img.setAttribute('aria-haspopup', 'dialog');
    }
    const open = (event: Event) => {
      const at = images.indexOf(event.target as HTMLImageElement);
      if (at < 0) return;
      if (
        event.type === 'keydown' &&
        !['Enter', ' '].includes((event as globalThis.KeyboardEvent).key)
      ) {
        return;
      }
      event.preventDefault();
      opener.current = images[at]!;
      setPictures(images.map((img) => ({ src: img.currentSrc || img.src, alt: img.alt })));
      setIndex(at);
      modal.current?.instance.show();
    };
    container.addEventListener('click', open);
    container.addEventListener('keydown', open);
    return () => {
      container.removeEventListener('click', open);
      container.removeEventListener('keydown', open);
    };
  }, [root, content]);

  const count = pictures.length;
  const turn = (step: number) => setIndex((at) => (at === null ? at : (at + step + count) % count));
  const current = index === null ? undefined : pictures[index];

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowRight') turn(1);
    else if (event.key === 'ArrowLeft') turn(-1);
  }

  function onTouchEnd(event: TouchEvent) {
    const start = touchX.current;
    touchX.current = null;
    const end = event.changedTouches[0]?.clientX;
    if (start === null || end === undefined || Math.abs(end - start) < SWIPE_PX) return;
    turn(end < start ? 1 : -1);
  }

  const label = current ? t('lightbox.label', { n: index! + 1, count }) : undefined;
  return (
    <div
      ref={ref}
      className="modal fade lightbox"
      tabIndex={-1}
      aria-label={label}
      aria-hidden="true"
      data-testid="lightbox"
      onKeyDown={onKeyDown}
      onTouchStart={(event) => {
        touchX.current = event.touches[0]?.clientX ?? null;
      }}
      onTouchEnd={onTouchEnd}
    >
      <div className="modal-dialog modal-dialog-centered modal-xl">
        <div className="modal-content lightbox-content">
          <div className="modal-header border-0 py-2">
            <span className="small" aria-live="polite" data-testid="lightbox-counter">
              {label}
            </span>
            <button
              type="button"
              className="btn-close btn-close-white"
              aria-label={t('common.close')}
              onClick={() => modal.current?.instance.hide()}
            />
          </div>
          <div className="modal-body p-0 text-center position-relative">
            {current && <img src={current.src} alt={current.alt} className="lightbox-picture" />}
            {count > 1 && (
              <>
                <button
                  type="button"
                  className="btn btn-dark lightbox-nav lightbox-prev"
                  aria-label={t('lightbox.previous')}
                  onClick={() => turn(-1)}
                >
                  ‹
                </button>
                <button
                  type="button"
                  className="btn btn-dark lightbox-nav lightbox-next"
                  aria-label={t('lightbox.next')}
                  onClick={() => turn(1)}
                >
                  ›
                </button>
              </>
            )}
          </div>
          {current?.alt && (
            <p className="modal-footer border-0 small justify-content-center mb-0">{current.alt}</p>
          )}
        </div>
      </div>
    </div>
  );
}
