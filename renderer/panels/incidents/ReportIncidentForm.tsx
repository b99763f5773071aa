import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARDS } from '../../../shared/protocol/common';
import type { Board } from '../../../shared/protocol/common';
import { useBridge } from '../../bridge/BridgeContext';
import { SEVERITIES } from '../../stores/derive';
import { submitCommand } from '../../stores/submitCommand';
import { useWallStore } from '../../stores/wallStore';

/** Chongqing's urban centre: the form's default location until the map lets people pick one. */
const DEFAULT_LOCATION = { lng: 106.55, lat: 29.56 };

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/** Minimal `incident.report`: the full reporting flow (map pick, attachments) comes later. */
export function ReportIncidentForm() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('');
  const [board, setBoard] = useState<Board>('emergency');
  const [severity, setSeverity] = useState(3);
  const [lng, setLng] = useState(String(DEFAULT_LOCATION.lng));
  const [lat, setLat] = useState(String(DEFAULT_LOCATION.lat));
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await submitCommand(bridge, useWallStore, {
      type: 'incident.report',
      title,
      kind,
      board,
      severity,
      location: [Number(lng), Number(lat)],
    });
    setBusy(false);
    if (result.ok) {
      setTitle('');
      setFeedback({ kind: 'ok', text: t('report.submitted') });
    } else {
      setFeedback({ kind: 'error', text: t('report.invalid', { message: result.message }) });
    }
  }

  return (
    <form className="report-form" onSubmit={(e) => void onSubmit(e)} data-testid="report-form">
      <label htmlFor={`${id}-title`}>{t('report.fieldTitle')}</label>
      <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      <label htmlFor={`${id}-kind`}>{t('report.fieldKind')}</label>
      <input id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} required maxLength={40} />
      <label htmlFor={`${id}-board`}>{t('report.fieldBoard')}</label>
      <select id={`${id}-board`} value={board} onChange={(e) => setBoard(e.target.value as Board)}>
        {BOARDS.map((b) => (
          <option key={b} value={b}>
            {t(`board.${b}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-severity`}>{t('report.fieldSeverity')}</label>
      <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(Number(e.target.value))}>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {t(`severity.level${s}`)} · {t(`severity.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lng`}>{t('report.fieldLng')}</label>
      <input id={`${id}-lng`} type="number" step="0.0001" min={-180} max={180} value={lng} onChange={(e) => setLng(e.target.value)} required />
      <label htmlFor={`${id}-lat`}>{t('report.fieldLat')}</label>
      <input id={`${id}-lat`} type="number" step="0.0001" min={-90} max={90} value={lat} onChange={(e) => setLat(e.target.value)} required />
      <div className="report-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('report.submit')}
        </button>
        <p className={`report-form__feedback report-form__feedback--${feedback?.kind ?? 'none'}`} role="status">
          {feedback?.text}
        </p>
      </div>
    </form>
  );
}
