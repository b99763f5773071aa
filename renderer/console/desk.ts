import { DeskName } from '../../shared/wall/control';

/**
 * A console's desk name from its URL (`?role=console&desk=席位2`), as main will check it; none
 * for wall windows, or when the name is empty or too long (main then names the desk itself).
 */
export function readDesk(search: string): string | undefined {
  const params = new URLSearchParams(search);
  if (params.get('role') !== 'console') return undefined;
  const parsed = DeskName.safeParse(params.get('desk') ?? '');
  return parsed.success ? parsed.data : undefined;
}
