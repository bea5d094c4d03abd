/**
 * From a map and the dialog's options to the picture that is drawn: the scenarios it shows,
 * their scene, the page layout and the title block. The dialog previews exactly this picture
 * and the exporter renders it.
 */
import { activePersonaOf } from '../../shared/journey/personas/persona-queries.ts';
import { voteResults } from '../../shared/journey/votes/vote-results.ts';
import { type JourneyDocument, mapRecordOf, scenariosOf } from '../../shared/model/document.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import { planPoster } from '../../shared/poster/layout.ts';
import { posterVoteOf, voteBoxSection } from '../../shared/poster/vote-box.ts';
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

/** The scenarios the poster shows: Current and Ideal stacked when the map has both, else the active one. */
export const posterScenarios = (
  doc: JourneyDocument,
  activeId: string,
  options: Pick<PosterOptions, 'content'>,
): ScenarioRecord[] => {
  const stacked = options.content === 'stacked' ? stackedScenarios(doc) : null;
  if (stacked) return stacked;
  const active = scenariosOf(doc).find((scenario) => scenario.id === activeId) ?? scenariosOf(doc)[0];
  return active ? [active] : [];
};

/**
 * Why the dialog's vote option cannot be chosen, or null when a scenario the poster shows has a
 * revealed vote: a vote still running, or hidden and not yet revealed, never goes on a poster.
 */
export const votesUnavailable = (
  doc: JourneyDocument,
  activeId: string,
  options: Pick<PosterOptions, 'content'>,
): string | null => {
  const scenarios = posterScenarios(doc, activeId, options);
  if (scenarios.some((scenario) => posterVoteOf(doc, scenario.id))) return null;
  return scenarios.length > 1 ? 'No revealed vote on these scenarios' : 'No revealed vote on this scenario';
};

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export type PictureResult = { ok: true; picture: PosterPicture } | { ok: false; error: string };

export const posterPictureOf = (
  doc: JourneyDocument,
  activeScenarioId: string,
  options: PosterOptions,
  now: number = Date.now(),
): PictureResult => {
  const scenarios = posterScenarios(doc, activeScenarioId, options);
  const scene = buildPosterScene(doc, scenarios, options);
  if (!scene) return { ok: false, error: 'The map is empty: there is nothing to put on the poster.' };
  const votes = scene.blocks.flatMap((block) =>
    block.vote ? [voteBoxSection(voteResults(doc, block.vote))] : [],
  );
  const spec = posterSpecOf(options, scene.box, votes.length > 0);
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
  return { ok: true, picture: { layout: plan.layout, scene, title, votes } };
};
