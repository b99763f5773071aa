import { ConsoleScreen } from './screens/ConsoleScreen';
import { WallScreen } from './screens/WallScreen';
import type { WindowPlace } from './screens/windowRole';

export function App({ place }: { place: WindowPlace }) {
  return place.role === 'console' ? <ConsoleScreen /> : <WallScreen displayId={place.displayId} />;
}
