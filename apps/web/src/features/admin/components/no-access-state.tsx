import { Link } from 'react-router';

interface NoAccessStateProps {
  title: string;
  text: string;
  backTo: string;
  backLabel: string;
}

/** What someone sees of a part of the admin section their roles do not open. */
export function NoAccessState({ title, text, backTo, backLabel }: NoAccessStateProps) {
  return (
    <section className="text-center py-5" data-testid="no-access">
      <p className="display-4 fw-bold text-body-tertiary mb-2" aria-hidden="true">
        403
      </p>
      <h1 className="h3">{title}</h1>
      <p className="text-body-secondary">{text}</p>
      <Link to={backTo} className="btn btn-primary">
        {backLabel}
      </Link>
    </section>
  );
}
