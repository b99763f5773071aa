import { useTranslation } from 'react-i18next';
import { BOARDS } from '../../../shared/protocol/common';
import { SEVERITIES } from '../../stores/derive';
import { useOpenIncidentsByBoard, useOpenIncidentsBySeverity } from '../../stores/hooks';
import { SeverityIcon } from './SeverityBadge';

/** Four tiles: open incidents per severity level, with the total. */
export function SeverityTiles() {
  const { t } = useTranslation();
  const counts = useOpenIncidentsBySeverity();
  const total = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <div className="severity-tiles">
      <div className="severity-total" data-testid="open-total">
        <span className="severity-total__label">{t('incidents.openTotal')}</span>
        <span className="severity-total__value">{total}</span>
      </div>
      {SEVERITIES.map((severity) => (
        <div key={severity} className={`severity-tile sev-${severity}`} data-testid={`severity-count-${severity}`}>
          <span className="severity-tile__label">
            <SeverityIcon severity={severity} />
            <span className="severity-tile__level">{t(`severity.level${severity}`)}</span>
            {/* A narrow wall column shows the level alone (its shape and colour say the same). */}
            <span className="severity-tile__words"> · {t(`severity.${severity}`)}</span>
          </span>
          <span className="severity-tile__value">{counts[severity]}</span>
        </div>
      ))}
    </div>
  );
}

/** Open incidents per board, as labelled bars scaled to the largest board. */
export function BoardBars() {
  const { t } = useTranslation();
  const counts = useOpenIncidentsByBoard();
  const max = Math.max(1, ...BOARDS.map((b) => counts[b]));
  return (
    <ul className="board-bars">
      {BOARDS.map((board) => (
        <li key={board} className="board-bars__row" data-testid={`board-count-${board}`}>
          <span className="board-bars__label">{t(`board.${board}`)}</span>
          <span className="board-bars__track" aria-hidden="true">
            <span className="board-bars__fill" style={{ width: `${(counts[board] / max) * 100}%` }} />
          </span>
          <span className="board-bars__value">{counts[board]}</span>
        </li>
      ))}
    </ul>
  );
}
