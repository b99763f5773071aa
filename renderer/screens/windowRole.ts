import { ViewRole } from '../../shared/view/viewChannel';

export interface WindowPlace {
  role: ViewRole;
  displayId: string;
}

/** Which screen this window shows, from its URL (`?role=wall|console&display=…`); wall by default. */
export function readWindowPlace(search: string): WindowPlace {
  const params = new URLSearchParams(search);
  const role = ViewRole.safeParse(params.get('role'));
  return { role: role.success ? role.data : 'wall', displayId: params.get('display') ?? 'primary' };
}
