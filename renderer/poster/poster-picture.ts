/**
 * From a map and the dialog's options to the picture that is drawn: the scenarios it shows,
 * their scene, the page layout and the title block. The dialog previews exactly this picture
 * and the exporter renders it.
 */
import { activePersonaOf } from '../../shared/journey/personas/persona-queries.ts';
import { type JourneyDocument, mapRecordOf, scenariosOf } from '../../shared/model/document.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import { planPoster } from '../../shared/poster/layout.ts';
import type { PosterPicture } from './draw-poster.ts';
import { type PosterOptions, posterSpecOf } from './poster-options.ts';
import { buildPosterScene } from './poster-scene.ts';

/** Current above Ideal, when the map has both (the first of each kind). */
export const stackedScenarios = (doc: JourneyDocument): ScenarioRecord[] | null => {
  const all = scenariosOf(doc);
  const current = all.find((scenario) => scenario.kind === 'current');
  const ideal = all.find((scenario) => scenario.kind === 'ideal');
  return current && ideal ? [current, ideal] : null;
};

const scenariosFor = (doc: JourneyDocument, activeId: string, options: PosterOptions): ScenarioRecord[] => {
  const stacked = options.content === 'stacked' ? stackedScenarios(doc) : null;
  if (stacked) return stacked;
  const active = scenariosOf(doc).find((scenario) => scenario.id === activeId) ?? scenariosOf(doc)[0];
  return active ? [active] : [];
};

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export type PictureResult = { ok: true; picture: PosterPicture } | { ok: false; error: string };

export const posterPictureOf = (
  doc: JourneyDocument,
  activeScenarioId: string,
  options: PosterOptions,
  now: number = Date.now(),
): PictureResult => {
  const scenarios = scenariosFor(doc, activeScenarioId, options);
  const scene = buildPosterScene(doc, scenarios, options);
  if (!scene) return { ok: false, error: 'The map is empty: there is nothing to put on the poster.' };
  const spec = posterSpecOf(options, scene.box);
  if (!spec.ok) return spec;
  const plan = planPoster(spec.spec);
  if (!plan.ok) return plan;
  const title = options.titleBlock
    ? {
        name: mapRecordOf(doc).name,
        subtitle: options.subtitle,
        persona: activePersonaOf(doc)?.name ?? null,
        scenario: scenarios.map((scenario) => scenario.name).join(' and '),
        date: DATE.format(now),
      }
    : null;
  return { ok: true, picture: { layout: plan.layout, scene, title } };
};
