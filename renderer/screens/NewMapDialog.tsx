import { useEffect, useRef, useState } from 'react';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { TEMPLATES } from '../../shared/journey/templates.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { CONNECTED_TYPES, type ConnectedType } from '../../shared/model/journey-records.ts';
import { TemplatePreview } from './TemplatePreview.tsx';

export const CONNECTED_LABELS: Readonly<Record<ConnectedType, string>> = {
  'respond-to-desire': 'Respond to desire (customer in control)',
  'curated-offering': 'Curated offering',
  'coach-behaviour': 'Coach behaviour',
  'automatic-execution': 'Automatic execution (business in control)',
};

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
              <span className="template-description">{candidate.description}</span>
            </label>
          ))}
        </fieldset>
        {template?.connected && (
          <label className="field">
            <span>Connected customer experience</span>
            <select value={connected} onChange={(event) => setConnected(event.target.value as ConnectedType)}>
              {CONNECTED_TYPES.map((type) => (
                <option key={type} value={type}>
                  {CONNECTED_LABELS[type]}
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
