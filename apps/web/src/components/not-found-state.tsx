import { Link } from 'react-router';

interface NotFoundStateProps {
  title: string;
  text: string;
  backTo: string;
  backLabel: string;
}

export function NotFoundState({ title, text, backTo, backLabel }: NotFoundStateProps) {
  return (
    <section className="text-center py-5" data-testid="not-found">
      <p className="display-4 fw-bold text-body-tertiary mb-2" aria-hidden="true">
        404
      </p>
      <h1 className="h3">{title}</h1>
      <p className="text-body-secondary">{text}</p>
      <Link to={backTo} className="btn btn-primary">
        {backLabel}
      </Link>
    </section>
  );
}
