import { LIMITS } from '@folio/schema';
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { FieldError } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n';
import { addTags, suggestTags } from '../tag-list';
import type { TagProblem } from '../tag-list';

interface TagInputProps {
  tags: string[];
  onChange: (tags: string[]) => void;
  /** Known tag names, most used first. */
  known: string[];
  error?: string;
}

/**
 * Tags as chips: Enter or a comma adds what was typed, Backspace in the empty input takes the
 * last one away, and the known tags are offered as a list (a combobox) while typing.
 */
export function TagInput({ tags, onChange, known, error }: TagInputProps) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<TagProblem | undefined>();
  const suggestions = useMemo(() => suggestTags(known, tags, text), [known, tags, text]);
  const showList = open && suggestions.length > 0 && tags.length < LIMITS.blogTags;
  const full = tags.length >= LIMITS.blogTags;

  function add(typed: string) {
    const result = addTags(tags, typed);
    if (result.tags.length !== tags.length) onChange(result.tags);
    setText(result.rest);
    setProblem(result.problem);
    setActive(-1);
  }

  function remove(index: number) {
    onChange(tags.filter((_, i) => i !== index));
    setProblem(undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',' || event.key === '，') {
      // Enter picks the highlighted suggestion; a comma always ends the typed name.
      const picked = event.key === 'Enter' && showList && active >= 0 ? suggestions[active] : null;
      if (!picked && !text.trim()) {
        if (event.key !== 'Enter') event.preventDefault();
        return;
      }
      event.preventDefault();
      add(picked ?? text);
      return;
    }
    if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      remove(tags.length - 1);
      return;
    }
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (current + 1) % suggestions.length);
      return;
    }
    if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((current) => (current <= 0 ? suggestions.length - 1 : current - 1));
      return;
    }
    if (event.key === 'Escape' && showList) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const shownError = problem ?? error;
  return (
    <div className="tag-input position-relative">
      <label htmlFor={id} className="form-label">
        {t('write.tags.label')}
      </label>
      <div
        className={`form-control d-flex flex-wrap align-items-center gap-1 tag-input-box ${shownError ? 'is-invalid' : ''}`}
      >
        {tags.map((tag, index) => (
          <span
            key={tag}
            className="badge text-bg-secondary d-inline-flex align-items-center gap-1"
          >
            <span data-testid="tag-chip">{tag}</span>
            <button
              type="button"
              className="btn-close btn-close-white tag-remove"
              aria-label={t('write.tags.remove', { tag })}
              onClick={() => remove(index)}
            />
          </span>
        ))}
        <input
          id={id}
          className="tag-input-field flex-grow-1 border-0"
          value={text}
          maxLength={LIMITS.tagName * 4}
          placeholder={full ? '' : t('write.tags.placeholder')}
          disabled={full}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${hintId}${shownError ? ` ${errorId}` : ''}`}
          aria-invalid={shownError ? true : undefined}
          autoComplete="off"
          onChange={(event) => {
            const value = event.target.value;
            // A pasted list with commas becomes tags at once, up to the last comma.
            if (/[,，]/.test(value)) {
              const cut = Math.max(value.lastIndexOf(','), value.lastIndexOf('，'));
              const result = addTags(tags, value.slice(0, cut));
              if (result.tags.length !== tags.length) onChange(result.tags);
              setProblem(result.problem);
              setText(`${result.rest}${result.rest ? ', ' : ''}${value.slice(cut + 1)}`);
            } else {
              setText(value);
              setProblem(undefined);
            }
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (text.trim()) add(text);
          }}
        />
      </div>
      {showList && (
        <ul
          id={listId}
          role="listbox"
          className="list-group position-absolute w-100 shadow-sm tag-suggestions"
          aria-label={t('write.tags.suggestions')}
        >
          {suggestions.map((name, index) => (
            <li
              key={name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`list-group-item list-group-item-action ${index === active ? 'active' : ''}`}
              // Before the input's blur, which would add the typed text instead.
              onMouseDown={(event) => {
                event.preventDefault();
                add(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
      <FieldError id={errorId} message={shownError} />
      <div id={hintId} className="form-text d-flex justify-content-between gap-2">
        <span>{t('write.tags.hint')}</span>
        <span aria-live="polite">
          {t('write.counter', { count: tags.length, max: LIMITS.blogTags })}
        </span>
      </div>
    </div>
  );
}
