import { useEffect, useRef, useState } from 'react';
import { CONNECTED_ENDS, CONNECTED_LABELS } from '../../shared/journey/connected.ts';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { TEMPLATES } from '../../shared/journey/templates.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { CONNECTED_TYPES, type ConnectedType } from '../../shared/model/journey-records.ts';
import { TemplatePreview } from './TemplatePreview.tsx';

/** The continuum's ends said in the choice itself, so the four steps read as a scale. */
const connectedChoice = (type: ConnectedType, index: number): string =>
  index === 0
    ? `${CONNECTED_LABELS[type]} (${CONNECTED_ENDS.first})`
    : index === CONNECTED_TYPES.length - 1
      ? `${CONNECTED_LABELS[type]} (${CONNECTED_ENDS.last})`
      : CONNECTED_LABELS[type];

interface NewMapDialogProps {
  readonly onCreate: (doc: JourneyDocument) => void;
  readonly onClose: () => void;
}

/** New map: a name and a template, each shown with a preview of the map it makes. */
export const NewMapDialog = ({ onCreate, onClose }: NewMapDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('Untitled map');
  const [templateId, setTemplateId] = useState('customer-experience');
  const [connected, setConnected] = useState<ConnectedType>('coach-behaviour');
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const template = TEMPLATES.find((candidate) => candidate.id === templateId) ?? TEMPLATES[0];
  const create = () => {
    if (!template) return;
    onCreate(newMapFromTemplate(template, name.trim() || 'Untitled map', { connectedType: connected }));
  };
  return (
    <dialog ref={ref} className="dialog new-map-dialog" aria-labelledby="new-map-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <h2 id="new-map-title">New map</h2>
        <label className="field">
          <span>Name</span>
          <input
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
        <fieldset className="templates">
          <legend>Template</legend>
          {TEMPLATES.map((candidate) => (
            <label key={candidate.id} className="template-card" data-checked={candidate.id === templateId}>
              <input
                type="radio"
                name="template"
                value={candidate.id}
                checked={candidate.id === templateId}
                onChange={() => setTemplateId(candidate.id)}
              />
              <TemplatePreview template={candidate} />
              <span className="template-name">{candidate.name}</span>
              <span className="template-description">
                {candidate.description}
                {candidate.source && <span className="template-source"> After “{candidate.source}”.</span>}
              </span>
            </label>
          ))}
        </fieldset>
        {template?.connected && (
          <label className="field">
            <span>Connected customer experience</span>
            <select value={connected} onChange={(event) => setConnected(event.target.value as ConnectedType)}>
              {CONNECTED_TYPES.map((type, index) => (
                <option key={type} value={type}>
                  {connectedChoice(type, index)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Create map
          </button>
        </div>
      </form>
    </dialog>
  );
};
