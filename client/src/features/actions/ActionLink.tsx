import { Link } from 'react-router';
import { actionPath } from './paths';

/** An action's title, linking to its page. */
export function ActionLink({ id, title }: { id: number; title: string }) {
  return <Link to={actionPath(id)}>{title}</Link>;
}
